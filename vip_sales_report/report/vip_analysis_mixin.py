from odoo import models, tools
from odoo.tools import SQL


class VipAnalysisMixin(models.AbstractModel):
    """Base of the SQL-view analyses: the view itself and ratio measures.

    A model sets ``_auto = False`` and returns its ``SELECT`` from ``_query()``; the view is
    (re)created when the module is installed or updated. A model whose query depends on the
    reader (e.g. the days of the user's timezone) defines ``_table_query`` instead, as Odoo's
    sales analysis does, and no view is created.

    A percentage such as the plan fulfilment or the floor share cannot be summed or averaged
    over a group: the group's value is the ratio of the sums of its parts. A model lists
    those measures in ``_vip_ratio_measures`` as ``{field: (numerator, denominator)}`` and
    every aggregate of the field in a pivot, graph or list group is computed as
    ``100 * SUM(numerator) / SUM(denominator)`` (empty when the denominator is zero).

    Neither can a median: a model lists its percentile measures in ``_vip_percentile_measures``
    as ``{field: (column, fraction)}``; a row's value of the field is its value of ``column``
    and a group's is the exact percentile of ``column`` over the group's rows
    (``percentile_cont(fraction)``, rows without a value left out).
    """

    _name = "vip.analysis.mixin"
    _description = "VIP Analysis Ratio Measures"

    _vip_ratio_measures = {}
    _vip_percentile_measures = {}

    def _query(self):
        """The ``SELECT`` of the view, as an ``SQL`` object."""
        raise NotImplementedError

    def init(self):
        super().init()
        if self._abstract or self._table_query:
            return
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def search_fetch(self, domain, field_names=None, offset=0, limit=None, order=None):
        # Reading rows checks the record rules on them in Python, on the fields the rules name
        # (the company, the manager...): fetch those with the rows, or a view that does not
        # show them would run its whole query a second time to read them.
        if field_names is not None and not self.env.su:
            field_names = [*field_names, *self._vip_rule_fields()]
        return super().search_fetch(domain, field_names, offset=offset, limit=limit, order=order)

    def _vip_rule_fields(self):
        """Fields of this model that the user's read rules name."""
        domain = self.env["ir.rule"]._compute_domain(self._name, "read")
        names = {condition.field_expr.split(".")[0] for condition in domain.iter_conditions()}
        return sorted(names & self._fields.keys())

    def _read_group_select(self, aggregate_spec, query):
        fname, __, func = aggregate_spec.partition(":")
        ratio = self._vip_ratio_measures.get(fname)
        percentile = self._vip_percentile_measures.get(fname)
        if func not in ("sum", "avg") or not (ratio or percentile):
            return super()._read_group_select(aggregate_spec, query)
        if percentile:
            column, fraction = percentile
            return SQL(
                "percentile_cont(%s) WITHIN GROUP (ORDER BY %s)",
                fraction,
                self._field_to_sql(self._table, column, query),
            )
        numerator, denominator = ratio
        return SQL(
            "100.0 * SUM(%s) / NULLIF(SUM(%s), 0)",
            self._field_to_sql(self._table, numerator, query),
            self._field_to_sql(self._table, denominator, query),
        )
