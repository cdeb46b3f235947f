from . import vip_report_export
