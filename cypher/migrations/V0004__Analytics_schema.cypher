// Keys of the tag taxonomy and of analytics runs; HAS_TAG results are looked up and cleaned up by run.
CREATE CONSTRAINT tag_code IF NOT EXISTS FOR (n:Tag) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT tag_category_code IF NOT EXISTS FOR (n:TagCategory) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT rule_parameter_key IF NOT EXISTS FOR (n:RuleParameter) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT analytics_run_id IF NOT EXISTS FOR (n:AnalyticsRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT publication_name IF NOT EXISTS FOR (n:Publication) REQUIRE n.name IS UNIQUE;
CREATE INDEX has_tag_run IF NOT EXISTS FOR ()-[t:HAS_TAG]-() ON (t.run);
CREATE INDEX analytics_run_started_at IF NOT EXISTS FOR (n:AnalyticsRun) ON (n.startedAt);
