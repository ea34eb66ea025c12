package com.powerkg.ingest;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk load's bill rows get their openUntil as a last cell, row by row, also when a quoted cell holds a line break. */
class BillSettlementTest {

	@Test
	void aBillWithManyPaymentsIsCoveredByTheEarliestThatAddUpToIt() {
		var settlement = new BillSettlement();
		settlement.bill(0, 0, LocalDate.of(2026, 9, 2), 100.00, YearMonth.of(2026, 8));
		for (int day = 30; day >= 1; day--) { // thirty payments of 10, the latest first
			settlement.payment(0, LocalDateTime.of(2026, 9, day, 8, 0), 10.00);
		}
		settlement.settle();
		settlement.settle(); // once grouped, a second call changes nothing
		assertThat(settlement.openUntil(0)).as("the tenth day's payment makes 100").isEqualTo(LocalDateTime.of(2026, 9, 10, 8, 0));
	}

	@Test
	void eachBillRowGetsItsOwnOpenUntilAndQuotedLineBreaksStayInTheirCell(@TempDir Path tmp) throws IOException {
		var settlement = new BillSettlement();
		settlement.bill(0, 0, LocalDate.of(2026, 9, 2), 100.00, YearMonth.of(2026, 8));
		settlement.bill(1, 0, LocalDate.of(2026, 9, 2), 50.00, YearMonth.of(2026, 8));
		settlement.bill(2, 0, LocalDate.of(2026, 9, 2), 0.00, YearMonth.of(2026, 8));
		settlement.payment(1, LocalDateTime.of(2026, 9, 20, 9, 0, 0, 500), 49.996); // covers it to the cent
		settlement.payment(0, LocalDateTime.of(2026, 9, 21, 9, 0), 99.00);
		Path rows = tmp.resolve("Bill.partial");
		Files.writeString(rows, """
				:ID(Bill),id
				0,"A,""1""
				second line"
				1,B
				2,C
				""");
		var out = new StringWriter();
		settlement.appendOpenUntil(rows, out, "openUntil:localdatetime");
		assertThat(out.toString()).isEqualTo("""
				:ID(Bill),id,openUntil:localdatetime
				0,"A,""1""
				second line",9999-12-31T00:00
				1,B,2026-09-20T09:00:00.000000500
				2,C,2026-09-02T00:00
				""");
	}

}
