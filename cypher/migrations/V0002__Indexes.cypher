// Lookups the analytics and the API filter on; analysts get the same speed in Browser.
CREATE INDEX customer_usage_category IF NOT EXISTS FOR (n:Customer) ON (n.usageCategory);
CREATE INDEX customer_payment_mode IF NOT EXISTS FOR (n:Customer) ON (n.paymentMode);
CREATE INDEX customer_region IF NOT EXISTS FOR (n:Customer) ON (n.region);
CREATE INDEX bill_period IF NOT EXISTS FOR (n:Bill) ON (n.period);
CREATE INDEX bill_due_on IF NOT EXISTS FOR (n:Bill) ON (n.dueOn);
CREATE INDEX consumption_month IF NOT EXISTS FOR (n:Consumption) ON (n.month);
CREATE INDEX payment_paid_at IF NOT EXISTS FOR (n:Payment) ON (n.paidAt);
CREATE INDEX dunning_contact_contacted_at IF NOT EXISTS FOR (n:DunningContact) ON (n.contactedAt);
CREATE INDEX work_order_created_at IF NOT EXISTS FOR (n:WorkOrder) ON (n.createdAt);
