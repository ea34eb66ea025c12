// Natural keys of the imported data (DATA-CONTRACT.md). Every import MERGEs on these, so importing the
// same directory twice leaves the graph unchanged, and each constraint also gives the lookup index.
CREATE CONSTRAINT customer_id IF NOT EXISTS FOR (n:Customer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT bill_id IF NOT EXISTS FOR (n:Bill) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT payment_id IF NOT EXISTS FOR (n:Payment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dunning_contact_id IF NOT EXISTS FOR (n:DunningContact) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT work_order_id IF NOT EXISTS FOR (n:WorkOrder) REQUIRE n.id IS UNIQUE;
// monthly consumption and credit outcomes have composite natural keys, stored as "customerId|month"
CREATE CONSTRAINT consumption_key IF NOT EXISTS FOR (n:Consumption) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT credit_outcome_key IF NOT EXISTS FOR (n:CreditOutcome) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT industry_code IF NOT EXISTS FOR (n:Industry) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT channel_code IF NOT EXISTS FOR (n:Channel) REQUIRE n.code IS UNIQUE;
