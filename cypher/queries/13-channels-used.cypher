// Payment channels in the published run's channel mixes (USED_CHANNEL: per customer, the channels paid through and
// how often): customers per channel and their payments.
MATCH (:Publication {name: 'current'})-[:PUBLISHES]->(run:AnalyticsRun)
MATCH (:Customer)-[u:USED_CHANNEL]->(ch:Channel)
WHERE u.run = run.id
RETURN ch.code AS channel, ch.nameZh AS name, count(u) AS customers, sum(u.payments) AS payments
ORDER BY payments DESC;
