package com.powerkg.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

	@TempDir
	Path dir;

	private int files;

	@Test
	void quotesFieldsWithCommasQuotesLineBreaksAndEdgeBlanksOnly() throws IOException {
		String text = write(List.of("a"), w -> {
			for (String value : List.of("plain", "a,b", "say \"hi\"", "two\nlines", " padded", "城东某某机械制造有限公司")) {
				w.text(value).endRow();
			}
		});
		assertThat(text).isEqualTo("a\nplain\n\"a,b\"\n\"say \"\"hi\"\"\"\n\"two\nlines\"\n\" padded\"\n城东某某机械制造有限公司\n");
		assertThat(CsvTable.parse(text)).extracting(r -> r.getFirst())
				.containsExactly("a", "plain", "a,b", "say \"hi\"", "two\nlines", " padded", "城东某某机械制造有限公司");
	}

	@Test
	void writesUtf8WithoutByteOrderMark() throws IOException {
		Path file = dir.resolve("names.csv");
		try (CsvWriter w = new CsvWriter(file, List.of("name"))) {
			w.text("王伟").endRow();
		}
		byte[] bytes = Files.readAllBytes(file);
		assertThat(bytes[0]).isEqualTo((byte) 'n');
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("name\n王伟\n");
	}

	@Test
	void formatsScaledDecimalsWithoutLocale() throws IOException {
		String text = write(List.of("fixed", "trimmed"), w -> {
			w.decimal(12_345, 2).decimalTrimmed(22, 2).endRow();
			w.decimal(-5, 2).decimalTrimmed(1000, 2).endRow();
			w.decimal(0, 2).decimalTrimmed(1250, 3).endRow();
			w.decimal(-123_456, 3).decimalTrimmed(0, 2).endRow();
		});
		assertThat(text).isEqualTo("fixed,trimmed\n123.45,0.22\n-0.05,10\n0.00,1.25\n-123.456,0\n");
	}

	@Test
	void formatsDatesExactlyLikeLocalDate() throws IOException {
		long from = LocalDate.of(1899, 12, 25).toEpochDay();
		long to = LocalDate.of(2101, 3, 1).toEpochDay();
		String text = write(List.of("d"), w -> {
			for (long day = from; day <= to; day++) {
				w.date(day).endRow();
			}
		});
		String[] lines = text.split("\n");
		for (long day = from; day <= to; day++) {
			assertThat(lines[(int) (day - from) + 1]).isEqualTo(LocalDate.ofEpochDay(day).toString());
		}
	}

	@Test
	void formatsTimestampsAsIsoLocalDateTimeWithSeconds() throws IOException {
		LocalDateTime t = LocalDateTime.of(2026, 2, 28, 7, 5, 9);
		long epochSecond = t.toLocalDate().toEpochDay() * 86_400 + t.toLocalTime().toSecondOfDay();
		String text = write(List.of("t"), w -> w.timestamp(epochSecond).endRow());
		assertThat(text).isEqualTo("t\n2026-02-28T07:05:09\n");
	}

	@Test
	void composesIdsFromAsciiPartsAndZeroPaddedNumbers() throws IOException {
		String text = write(List.of("id", "n"), w -> {
			w.field().appendAscii("C00000001").appendAscii("-P").appendPadded(7, 4).integer(-42).endRow();
			w.field().appendAscii("C00000001").appendAscii("-P").appendPadded(12_345, 4).integer(0).endRow();
		});
		assertThat(text).isEqualTo("id,n\nC00000001-P0007,-42\nC00000001-P12345,0\n");
	}

	@Test
	void refusesARowWhoseFieldCountDiffersFromTheHeader() throws IOException {
		try (CsvWriter w = new CsvWriter(dir.resolve("bad.csv"), List.of("a", "b"))) {
			w.text("only one");
			assertThatThrownBy(w::endRow)
					.isInstanceOf(IllegalStateException.class)
					.hasMessage("bad.csv: row 1 has 1 fields but the header has 2");
			w.blank().endRow();
		}
	}

	@Test
	void flushesRowsLargerThanWhatIsLeftInTheBuffer() throws IOException {
		String text = write(List.of("n"), w -> {
			for (int i = 0; i < 300_000; i++) {
				w.integer(i).endRow();
			}
		});
		assertThat(text.split("\n")).hasSize(300_001).endsWith("299999");
	}

	private interface Rows {
		void write(CsvWriter writer) throws IOException;
	}

	private String write(List<String> header, Rows rows) throws IOException {
		Path file = dir.resolve("t" + (++files) + ".csv");
		try (CsvWriter writer = new CsvWriter(file, header)) {
			rows.write(writer);
		}
		return Files.readString(file, StandardCharsets.UTF_8);
	}
}
