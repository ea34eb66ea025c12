// A bill's openUntil (see V0016): the index that finds the bills unpaid on a day D as a range, openUntil > D, for
// the collection plan of a date other than the published run's (issue J), instead of summing every bill's payments. Made after V0016 filled the property: populating it
// once is cheaper than updating it for every bill filled.
CREATE INDEX bill_open_until IF NOT EXISTS FOR (n:Bill) ON (n.openUntil);
