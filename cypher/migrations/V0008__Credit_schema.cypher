// Credit rating (SPEC §5, seed 001), schema: grade keys and the run id ratings are found by.
CREATE CONSTRAINT credit_grade IF NOT EXISTS FOR (n:CreditGrade) REQUIRE n.grade IS UNIQUE;
CREATE INDEX rated_run IF NOT EXISTS FOR ()-[r:RATED]-() ON (r.run);
