from . import vip_sales_plan_split
