package com.powerkg.collection;

import java.util.List;

/**
 * One customer as the plan of a date reads it, through Cypher or the embedded database's own API: its open bills
 * (postpaid), its tag codes in the published run, and the bills and top-ups a rule of the plan uses as a ledger.
 */
record PlanRow(String customerId, boolean prepaid, List<CollectionCase.OpenBill> bills, List<String> tags, Ledger ledger) {
}
