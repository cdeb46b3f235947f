"""Fill the placeholders of the printed supply contract.

The template is the head of sales' sanitized HTML; a placeholder is ``{{name}}``. Values are
escaped (markupsafe) before they replace it, so a client named ``<b>X</b>`` prints as text;
nothing of the template is ever evaluated. An unknown placeholder is left as it is, so that a
typo shows on the printout instead of vanishing.
"""

import re

from markupsafe import Markup, escape

PLACEHOLDER_RE = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def fill_placeholders(template, values):
    """``template`` (HTML, trusted: already sanitized) with every known ``{{name}}`` replaced
    by the escaped ``values[name]``; line breaks of a value become ``<br>``."""

    def replace(match):
        name = match.group(1)
        if name not in values:
            return match.group(0)
        value = values[name]
        if value is None or value is False:
            value = ""
        return str(escape(str(value)).replace("\n", Markup("<br>")))

    return Markup(PLACEHOLDER_RE.sub(replace, str(template or "")))
