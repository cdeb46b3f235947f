def migrate(cr, version):
    """Russian dates read 01.12.2026 (data/res_lang_data.xml sets it at install only): a
    database that still has Odoo's 01/12/2026 gets it too; a format an administrator chose
    stays."""
    cr.execute(
        "UPDATE res_lang SET date_format = '%d.%m.%Y' WHERE code = 'ru_RU' AND date_format = '%d/%m/%Y'"
    )
