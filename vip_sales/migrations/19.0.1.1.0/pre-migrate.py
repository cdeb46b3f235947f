"""19.0.1.1.0: the decision log covers every kind of document (res_model, res_id)."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        ALTER TABLE vip_approval
            ADD COLUMN IF NOT EXISTS res_model varchar,
            ADD COLUMN IF NOT EXISTS res_id integer,
            ADD COLUMN IF NOT EXISTS res_name varchar;
        UPDATE vip_approval a
           SET res_model = 'sale.order', res_id = a.order_id, res_name = o.name
          FROM sale_order o
         WHERE o.id = a.order_id AND a.res_model IS NULL;
        """
    )
