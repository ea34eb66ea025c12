// Example steward script: count a customer as a repeated defaulter (REPEATED_ARREARS, 多次欠费) only from
// 4 overdue bills in 6 months instead of 3. To use it, copy it into cypher/migrations/ with the next free
// version number; the next start applies it and the next analytics run honours it.
//
// The division makes the script fail, and so change nothing, if the parameter is not there (a typo in the
// key would otherwise update zero nodes without a word).
MATCH (p:RuleParameter {key: 'REPEATED_ARREARS.minOverdueBills'})
WITH collect(p) AS found
WITH found, 1 / size(found) AS parameterMustExist
UNWIND found AS p
SET p.value = 4,
    p.changedBy = 'data steward (example script V0100__Repeated_arrears_needs_four_overdue_bills)',
    p.reason = 'dunning teams asked to focus on customers with 4+ late bills';
