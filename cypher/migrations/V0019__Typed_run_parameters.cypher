// Issue M: the rule parameters a run used as typed figures: parameterTags[i], parameterNames[i] and parameterValues[i]
// are one parameter (until now one string "TAG.name=value" each in parameters). A list value was written as
// "[A, B]"; it is kept as the taxonomy shows lists, "A, B".
MATCH (r:AnalyticsRun)
WHERE r.parameters IS NOT NULL
WITH r, [entry IN r.parameters | split(entry, '=')[0]] AS keys
SET r.parameterTags = [key IN keys | split(key, '.')[0]],
    r.parameterNames = [key IN keys | substring(key, size(split(key, '.')[0]) + 1)],
    r.parameterValues = [entry IN r.parameters |
        CASE WHEN substring(entry, size(split(entry, '=')[0]) + 1) STARTS WITH '['
                  AND entry ENDS WITH ']'
             THEN substring(entry, size(split(entry, '=')[0]) + 2, size(entry) - size(split(entry, '=')[0]) - 3)
             ELSE substring(entry, size(split(entry, '=')[0]) + 1) END]
REMOVE r.parameters;
