// Service strategies (SPEC §6), schema: strategy and need codes, and the aspect strategies are looked up by.
// A Strategy's conditions are WHEN relationships to Segment, Tag, CreditGrade, Need and Channel nodes; it applies
// to a customer who meets all of them (none = applies to everybody). docs/strategies.md explains the resolution.
CREATE CONSTRAINT strategy_code IF NOT EXISTS FOR (n:Strategy) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT need_code IF NOT EXISTS FOR (n:Need) REQUIRE n.code IS UNIQUE;
CREATE INDEX strategy_aspect IF NOT EXISTS FOR (n:Strategy) ON (n.aspect);
