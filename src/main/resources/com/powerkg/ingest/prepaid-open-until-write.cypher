// The prepaid bills' times PrepaidOpenUntil computed, only those that changed, in the transaction that read them.
UNWIND $changes AS change
MATCH (b:Bill) WHERE elementId(b) = change.bill
SET b.openUntil = change.openUntil
