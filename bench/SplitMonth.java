import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Splits a generated extract into a first load and a monthly delta (issue I): the delta holds customers.csv whole (as a
 * monthly extract would) and every row of the newest month bills were issued in (those bills, the consumption of their
 * period, payments, contacts and work orders made in that month, outcomes observed in it); the first load holds
 * everything before. Generated files
 * quote no cells but names, which are only in customers.csv, so a line split on commas finds the date column.
 *
 *   java bench/SplitMonth.java GENERATED FIRST DELTA
 */
public class SplitMonth {

	static final Map<String, String> MONTH_COLUMN = Map.of("consumption.csv", "month", "bills.csv", "issued_on", "payments.csv",
			"paid_at", "dunning_contacts.csv", "contacted_at", "work_orders.csv", "created_at", "credit_outcomes.csv", "observed_on");

	public static void main(String[] args) throws Exception {
		Path in = Path.of(args[0]);
		Path first = Files.createDirectories(Path.of(args[1]));
		Path delta = Files.createDirectories(Path.of(args[2]));
		// the newest month bills were issued in; its bills are of the period before, the consumption of that period
		String last = newestMonth(in.resolve("bills.csv"), "issued_on");
		String usage = java.time.YearMonth.parse(last).minusMonths(1).toString();
		System.out.println("delta: rows dated in " + last + ", consumption of " + usage);
		Files.copy(in.resolve("customers.csv"), first.resolve("customers.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		Files.copy(in.resolve("customers.csv"), delta.resolve("customers.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		for (var file : MONTH_COLUMN.entrySet()) {
			Path source = in.resolve(file.getKey());
			if (!Files.exists(source)) {
				continue;
			}
			long[] rows = new long[2];
			try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8);
					BufferedWriter older = Files.newBufferedWriter(first.resolve(file.getKey()), StandardCharsets.UTF_8);
					BufferedWriter newest = Files.newBufferedWriter(delta.resolve(file.getKey()), StandardCharsets.UTF_8)) {
				String header = reader.readLine();
				int column = List.of(header.replace("\uFEFF", "").split(",", -1)).indexOf(file.getValue());
				older.write(header + "\n");
				newest.write(header + "\n");
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					boolean inLast = line.split(",", -1)[column].startsWith(file.getKey().equals("consumption.csv") ? usage : last);
					(inLast ? newest : older).write(line + "\n");
					rows[inLast ? 1 : 0]++;
				}
			}
			System.out.printf("%-22s %,12d first %,12d delta%n", file.getKey(), rows[0], rows[1]);
		}
	}

	static String newestMonth(Path bills, String column) throws Exception {
		String newest = "";
		try (BufferedReader reader = Files.newBufferedReader(bills, StandardCharsets.UTF_8)) {
			int index = List.of(reader.readLine().replace("\uFEFF", "").split(",", -1)).indexOf(column);
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String month = line.split(",", -1)[index].substring(0, 7);
				if (month.compareTo(newest) > 0) {
					newest = month;
				}
			}
		}
		return newest;
	}

}
