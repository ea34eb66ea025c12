package com.powerkg.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The customers and bills a bulk load has accepted so far, each with a number: to check the references of later rows
 * without a database (with the same rejects as the transactional path's *-check.cypher), and to give the importer
 * integer node ids, which it maps many times faster than strings.
 */
final class BulkReferences {

	private final KeyIndex customers = new KeyIndex();

	private final List<String> customerIds = new ArrayList<>();

	private final KeyIndex bills = new KeyIndex();

	/** The customer (number) of each bill (number). */
	private int[] billCustomers = new int[1 << 16];

	private int billCount;

	/** The same reasons, columns and order as the transactional path's reference checks (*-check.cypher). */
	Optional<Reject> check(ContractFile file, Map<String, Object> row) {
		if (file == ContractFile.CUSTOMERS) {
			return Optional.empty();
		}
		String customer = (String) row.get("customer_id");
		long line = (Long) row.get("line");
		if (this.customers.get(customer) < 0) {
			return Optional.of(new Reject(file.fileName(), line, "customer_id", "unknown customer " + customer));
		}
		if ((file == ContractFile.PAYMENTS || file == ContractFile.DUNNING_CONTACTS) && row.get("bill_id") != null) {
			String bill = (String) row.get("bill_id");
			int number = this.bills.get(bill);
			if (number < 0) {
				return Optional.of(new Reject(file.fileName(), line, "bill_id", "unknown bill " + bill));
			}
			String owner = this.customerIds.get(this.billCustomers[number]);
			if (!owner.equals(customer)) {
				return Optional.of(new Reject(file.fileName(), line, "bill_id", "bill " + bill + " belongs to customer " + owner
						+ ", not " + customer));
			}
		}
		return Optional.empty();
	}

	/** Remembers an accepted customer or bill. */
	void accepted(ContractFile file, Map<String, Object> row) {
		if (file == ContractFile.CUSTOMERS) {
			this.customers.put((String) row.get("customer_id"), this.customerIds.size());
			this.customerIds.add((String) row.get("customer_id"));
		}
		else if (file == ContractFile.BILLS) {
			if (this.billCount == this.billCustomers.length) {
				this.billCustomers = Arrays.copyOf(this.billCustomers, this.billCount * 2);
			}
			this.bills.put((String) row.get("bill_id"), this.billCount);
			this.billCustomers[this.billCount++] = this.customers.get((String) row.get("customer_id"));
		}
	}

	/** The node id of an accepted customer. */
	int customer(String id) {
		return this.customers.get(id);
	}

	/** The node id of an accepted bill. */
	int bill(String id) {
		return this.bills.get(id);
	}

}
