package com.powerkg.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowValidatorTest {

	private static RowValidator validator(ContractFile file, List<String> header) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			index.put(header.get(i), i);
		}
		return new RowValidator(file, index);
	}

	private static final List<String> PAYMENT_HEADER = List.of("payment_id", "customer_id", "bill_id", "paid_at",
			"amount", "channel", "kind");

	@Test
	void validPaymentIsTyped() {
		var result = validator(ContractFile.PAYMENTS, PAYMENT_HEADER)
			.validate(7, List.of("P1", "C1", "B1", "2026-06-30T14:05:00", " 12.30 ", "WECHAT", "BILL"));

		assertThat(result.valid()).isTrue();
		assertThat(result.row()).containsEntry("paid_at", LocalDateTime.of(2026, 6, 30, 14, 5))
			.containsEntry("amount", 12.3)
			.containsEntry("line", 7L);
	}

	@Test
	void billPaymentWithoutBillAndTopupWithBillAreRejected() {
		var validator = validator(ContractFile.PAYMENTS, PAYMENT_HEADER);

		assertThat(validator.validate(2, List.of("P1", "C1", "", "2026-06-30T14:05:00", "5", "WECHAT", "BILL")).rejects())
			.singleElement()
			.satisfies(r -> assertThat(r.toString()).isEqualTo("payments.csv:2: bill_id: is required when kind is BILL"));
		assertThat(validator.validate(3, List.of("P2", "C1", "B1", "2026-06-30T14:05:00", "5", "WECHAT", "TOPUP")).rejects())
			.singleElement()
			.satisfies(r -> assertThat(r.column()).isEqualTo("bill_id"));
	}

	@Test
	void everyBadCellOfARowIsReported() {
		var result = validator(ContractFile.PAYMENTS, PAYMENT_HEADER)
			.validate(4, List.of("", "C1", "", "yesterday", "-1", "CASH", "BILL"));

		assertThat(result.valid()).isFalse();
		assertThat(result.rejects()).extracting(Reject::column)
			.containsExactly("payment_id", "paid_at", "amount", "channel");
	}

	@Test
	void rowWithTheWrongNumberOfFieldsIsRejectedAsAWhole() {
		var result = validator(ContractFile.CREDIT_OUTCOMES, List.of("customer_id", "observed_on", "defaulted"))
			.validate(9, List.of("C1", "2026-01-01"));

		assertThat(result.rejects()).singleElement()
			.satisfies(r -> assertThat(r.toString()).isEqualTo("credit_outcomes.csv:9: has 2 fields but the header has 3"));
	}

	@Test
	void optionalColumnsMissingFromTheHeaderTakeTheirDefaults() {
		var result = validator(ContractFile.BILLS, List.of("bill_id", "customer_id", "period", "issued_on", "due_on", "amount"))
			.validate(2, List.of("B1", "C1", "2026-09", "2026-10-02", "2026-10-31", "-3.5"));

		assertThat(result.row()).containsEntry("anomaly", "NONE")
			.containsEntry("period", "2026-09")
			.containsEntry("due_on", LocalDate.of(2026, 10, 31))
			.containsEntry("amount", -3.5);
	}

	@Test
	void defaultedMustBeZeroOrOne() {
		var validator = validator(ContractFile.CREDIT_OUTCOMES, List.of("customer_id", "observed_on", "defaulted"));

		assertThat(validator.validate(2, List.of("C1", "2026-01-01", "1")).row()).containsEntry("defaulted", true);
		assertThat(validator.validate(3, List.of("C1", "2026-01-01", "yes")).rejects()).singleElement()
			.satisfies(r -> assertThat(r.reason()).isEqualTo("'yes' is not 0 or 1"));
	}

	@Test
	void dunningRoundOutsideOneToFourIsRejected() {
		var validator = validator(ContractFile.DUNNING_CONTACTS,
				List.of("contact_id", "customer_id", "contacted_at", "round", "method", "reached"));

		assertThat(validator.validate(2, List.of("D1", "C1", "2026-06-30T14:05:00", "4", "ONSITE", "true")).valid()).isTrue();
		assertThat(validator.validate(3, List.of("D2", "C1", "2026-06-30T14:05:00", "5", "ONSITE", "TRUE")).rejects())
			.extracting(Reject::column)
			.containsExactly("round");
	}

	private static final List<String> BILL_HEADER = List.of("bill_id", "customer_id", "period", "issued_on", "due_on", "amount",
			"anomaly");

	private static String billAmountReject(String amount) {
		var result = validator(ContractFile.BILLS, BILL_HEADER)
			.validate(9, List.of("B1", "C1", "2026-06", "2026-07-01", "2026-07-20", amount, "NONE"));
		return result.valid() ? null : result.rejects().getFirst().toString();
	}

	@Test
	void moneyWithAnExponentOrSignOrSeparatorIsRejectedNamingTheCell() {
		for (String amount : List.of("1e400", "1E+999", "1e3", "+12.30", ".5", "5.", "1,000", "Infinity", "NaN", "0x10", "12.3.4")) {
			assertThat(billAmountReject(amount)).as(amount)
				.startsWith("bills.csv:9: amount: '" + amount + "' is not a plain decimal number");
		}
		assertThat(billAmountReject("-12.30")).as("a refund").isNull();
		assertThat(billAmountReject("1000000000")).as("the largest bill").isNull();
	}

	@Test
	void numbersOutsideTheirColumnsRangeAreRejected() {
		assertThat(billAmountReject("1000000000.01")).isEqualTo(
				"bills.csv:9: amount: '1000000000.01' is outside the accepted range -1000000000 to 1000000000");
		var customers = validator(ContractFile.CUSTOMERS, List.of("customer_id", "usage_category", "payment_mode", "voltage_kv",
				"loan_on_time_rate", "equipment_accidents"));
		var result = customers.validate(3, List.of("C1", "LARGE_INDUSTRIAL", "POSTPAID", "5000", "1.5", "1e2"));
		assertThat(result.rejects()).extracting(Reject::toString).containsExactly(
				"customers.csv:3: voltage_kv: '5000' is outside the accepted range 0 to 1000",
				"customers.csv:3: loan_on_time_rate: '1.5' is outside the accepted range 0 to 1",
				"customers.csv:3: equipment_accidents: '1e2' is not a whole number");
		assertThat(customers.validate(4, List.of("C1", "LARGE_INDUSTRIAL", "POSTPAID", "220", "1", "0")).valid()).isTrue();
	}

	@Test
	void aNameLongerThanItsColumnAllowsIsRejectedAndOneAtTheLimitIsKept() {
		var customers = validator(ContractFile.CUSTOMERS, List.of("customer_id", "name", "usage_category", "payment_mode"));
		String hundred = "张".repeat(100);

		assertThat(customers.validate(2, List.of("C1", hundred, "RESIDENTIAL", "POSTPAID")).valid()).isTrue();
		assertThat(customers.validate(3, List.of("C2", hundred + "三", "RESIDENTIAL", "POSTPAID")).rejects())
			.extracting(Reject::toString)
			.containsExactly("customers.csv:3: name: is 101 characters long; at most 100 are allowed");
		assertThat(customers.validate(4, List.of("C".repeat(65), "x", "RESIDENTIAL", "POSTPAID")).rejects())
			.extracting(Reject::column).containsExactly("customer_id");
	}

}
