UNWIND $rows AS row
// a monthly file repeats every customer: only a new or changed one is written (and then linked again, see CsvImporter)
MERGE (c:Customer {id: row.customer_id})
WITH c, row
WHERE c.sourceHash IS NULL OR c.sourceHash <> row.source_hash
// a changed payment mode changes the rule of the customer's bills' openUntil (CsvImporter computes them again)
WITH c, row, c.paymentMode IS NOT NULL AND c.paymentMode <> row.payment_mode AS modeChanged
SET c.name = row.name,
    c.phone = row.phone,
    c.usageCategory = row.usage_category,
    c.industryCode = row.industry_code,
    c.voltageKv = row.voltage_kv,
    c.contractCapacityKva = row.contract_capacity_kva,
    c.importance = row.importance,
    c.paymentMode = row.payment_mode,
    c.region = row.region,
    c.openedOn = row.opened_on,
    c.socialCredit = row.social_credit,
    c.assetLiabilityRatio = row.asset_liability_ratio,
    c.currentRatio = row.current_ratio,
    c.returnOnNetAssets = row.return_on_net_assets,
    c.loanOnTimeRate = row.loan_on_time_rate,
    c.reactiveCompensation = row.reactive_compensation,
    c.calibrationOnSchedule = row.calibration_on_schedule,
    c.equipmentAccidents = row.equipment_accidents,
    c.sourceHash = row.source_hash
WITH c, row, modeChanged
// a customer no longer prepaid keeps no ledger (PrepaidOpenUntil writes one for a prepaid customer only)
CALL (c, modeChanged) {
  WITH c
  WHERE modeChanged AND c.paymentMode <> 'PREPAID'
  MATCH (c)-[:HAS_LEDGER]->(l:PrepaidLedger)
  DETACH DELETE l
}
RETURN row.customer_id AS id, modeChanged
