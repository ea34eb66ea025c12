package com.powerkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.powerkg.collection.CollectionPlan;
import com.powerkg.collection.CollectionPlans;
import com.powerkg.collection.CollectionTask;
import com.powerkg.portrait.CustomerProfile;
import com.powerkg.portrait.CustomerQueries;
import com.powerkg.security.PersonalDataMasking;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "worklist", mixinStandardHelpOptions = true,
		description = "Export the fee-collection worklist for a dunning date as CSV (UTF-8 with BOM, opens in Excel).")
class WorklistCommand implements Callable<Integer> {

	static final List<String> COLUMNS = List.of("rank", "customer_id", "name", "phone", "region", "kind", "round", "method",
			"due_amount", "bills", "rules", "advice");

	@ParentCommand
	PowerKgCommand parent;

	@Spec
	CommandSpec spec;

	@Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "dunning date")
	LocalDate date;

	@Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write")
	Path out;

	@Option(names = "--with-personal-data", description = "full names and phone numbers (personal data) instead of masked ones")
	boolean personalData;

	@Unmatched
	List<String> settings = new ArrayList<>();

	@Override
	public Integer call() {
		Path parent = this.out.toAbsolutePath().getParent();
		if (parent == null || !Files.isDirectory(parent)) {
			throw new JobFailedException("cannot write " + this.out + ": the folder " + parent + " does not exist");
		}
		var console = this.spec.commandLine().getOut();
		return SpringJob.run(this.parent.application(), this.settings, context -> {
			CollectionPlan plan = context.getBean(CollectionPlans.class).plan(this.date);
			write(plan, context.getBean(CustomerQueries.class));
			var w = plan.workload();
			console.printf("worklist for %s: %,d tasks written to %s (tags of run %s)%n", this.date, plan.tasks().size(), this.out,
					plan.run());
			console.printf("contacts: %,d planned against %,d in the uniform four-round baseline (%.1f %% less); %,d contact verifications%n",
					w.planContacts(), w.baselineContacts(), w.reductionPercent(), w.verificationTasks());
			console.printf("  %-20s %-15s %5s %10s %10s%n", "kind", "method", "round", "plan", "baseline");
			Map<CollectionPlan.Slot, long[]> rows = new TreeMap<>(CollectionPlan.Slot.ORDER);
			w.plan().forEach(c -> rows.computeIfAbsent(CollectionPlan.Slot.of(c), s -> new long[2])[0] = c.contacts());
			w.baseline().forEach(c -> rows.computeIfAbsent(CollectionPlan.Slot.of(c), s -> new long[2])[1] = c.contacts());
			rows.forEach((slot, n) -> console.printf("  %-20s %-15s %5s %,10d %,10d%n", slot.kind(), slot.method(), slot.round(), n[0], n[1]));
			return 0;
		});
	}

	/** A text Excel would run as a formula (=, +, -, @) gets a leading apostrophe. */
	static String cell(String value) {
		if (value == null) {
			return "";
		}
		return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

	/** Writes to a temporary file first, so a failure never leaves half a worklist behind. */
	private void write(CollectionPlan plan, CustomerQueries customers) {
		Path tmp = this.out.resolveSibling(this.out.getFileName() + ".part");
		try (OutputStream stream = Files.newOutputStream(tmp);
				Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
			writer.write('\uFEFF'); // Excel reads UTF-8 (Chinese names and advice) only with a byte-order mark
			csv.printRecord(COLUMNS);
			List<CollectionTask> tasks = plan.tasks();
			for (int from = 0; from < tasks.size(); from += 2000) {
				List<CollectionTask> batch = tasks.subList(from, Math.min(tasks.size(), from + 2000));
				Map<String, CustomerProfile> profiles = customers.byIds(batch.stream().map(CollectionTask::customerId).distinct().toList());
				for (int i = 0; i < batch.size(); i++) {
					CollectionTask t = batch.get(i);
					CustomerProfile p = profiles.get(t.customerId());
					String name = p == null ? "" : this.personalData ? p.name() : PersonalDataMasking.maskName(p.name());
					String phone = p == null ? "" : this.personalData ? p.phone() : PersonalDataMasking.maskPhone(p.phone());
					csv.printRecord(from + i + 1, cell(t.customerId()), cell(name), cell(phone), cell(p == null ? "" : p.region()), t.kind(),
							t.round(), t.method(),
							String.format(Locale.ROOT, "%.2f", t.dueAmount()), String.join(" ", t.billIds()),
							t.rules().stream().map(String::valueOf).collect(Collectors.joining(" ")), String.join("；", t.advice()));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			try {
				Files.deleteIfExists(tmp);
			}
			catch (IOException ignored) {
				// the original failure is what matters
			}
			throw ex instanceof IOException io ? new UncheckedIOException("cannot write " + this.out + ": " + io.getMessage(), io)
					: (RuntimeException) ex;
		}
		try {
			Files.move(tmp, this.out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + this.out + ": " + ex.getMessage(), ex);
		}
	}

}
