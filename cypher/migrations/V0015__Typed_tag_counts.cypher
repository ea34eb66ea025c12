// Issue M: a run's customers per tag as typed figures: tagCodes[i] is a tag code and tagCustomers[i] its number of
// customers, in the same order (until now one string "CODE=count" per tag in tagCounts, parsed by every reader).
MATCH (r:AnalyticsRun)
WHERE r.tagCounts IS NOT NULL
SET r.tagCodes = [entry IN r.tagCounts | split(entry, '=')[0]],
    r.tagCustomers = [entry IN r.tagCounts | toInteger(split(entry, '=')[1])]
REMOVE r.tagCounts;
