import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * GraphQL latency under load (issue H): CLIENTS concurrent clients (a comma list runs each count in turn, e.g. 1,32), each sending its next request as soon as the
 * previous answer is in, for SECONDS per query kind, against a running service. Prints p50/p95/p99 and requests/s
 * per kind as Markdown table rows. Run with the JDK's source launcher, no build needed:
 *
 *   java bench/LoadTest.java http://127.0.0.1:8080 admin:admin 32 30 100000 2026-11-20 [SERVICE_PID]
 *
 * Customer ids are C00000001..C<customers>, drawn at random; a warm-up of 5 s per kind is not counted. With the
 * service's process id, the CPU time the service spent per request (user + system, from /proc) is shown too.
 */
public class LoadTest {

	record Kind(String name, String query) {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String auth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
		int[] clientCounts = java.util.Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
		int seconds = Integer.parseInt(args[3]);
		int customers = Integer.parseInt(args[4]);
		String date = args[5];
		// one document per kind with the customer (or the cursor) as a variable, as GraphQL clients send them: the service
		// parses and validates each document once (ParsedDocuments)
		List<Kind> kinds = List.of(
				new Kind("portrait", "query Portrait($v: ID!) { customer(id: $v) { id name phone usageCategory region tags { code evidence } "
						+ "segments { dimension level } credit { grade score probabilityOfDefault reasons } channels { channel payments } } }"),
				new Kind("page of 50 portraits", "query Page($v: String) { customers(first: 50, after: $v) { edges { node { id name region "
						+ "tags { code } segments { dimension level } credit { grade score } channels { channel payments } } } } }"),
				new Kind("strategies", "query Strategies($v: ID!) { strategies(customerId: $v) { strategy { code aspect textZh } because } }"),
				new Kind("collectionPlan (page of 50)", "query Plan { collectionPlan(date: \\\"" + date + "\\\", first: 50) { totalCount "
						+ "edges { node { rank round method advice customer { id name } } } } }"));
		String only = System.getenv("BENCH_KINDS"); // e.g. "portrait,strategies": only these kinds (profiling one of them)
		if (only != null && !only.isBlank()) {
			List<String> wanted = List.of(only.split(","));
			kinds = kinds.stream().filter(k -> wanted.contains(k.name())).toList();
		}
		long pid = args.length > 6 ? Long.parseLong(args[6]) : -1;
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		System.out.println("| query | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | service CPU ms/request |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		for (Kind kind : kinds) {
			for (int clients : clientCounts) {
				run(http, base, auth, kind, clients, 5, customers); // warm-up
				long cpuBefore = cpuMillis(pid);
				var r = run(http, base, auth, kind, clients, seconds, customers);
				long cpu = cpuMillis(pid) - cpuBefore;
				System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s |%n", kind.name(), clients,
						r.latencies.size(), r.errors, r.latencies.size() / (double) seconds, pct(r.latencies, 50),
						pct(r.latencies, 95), pct(r.latencies, 99), r.latencies.isEmpty() ? 0 : r.latencies.getLast() / 1e6,
						pid < 0 || r.latencies.isEmpty() ? "" : String.format(Locale.ROOT, "%.2f", cpu / (double) r.latencies.size()));
			}
		}
	}

	/** User + system CPU time of a process in ms (/proc/PID/stat, clock ticks of 10 ms); 0 without a pid. */
	static long cpuMillis(long pid) {
		if (pid < 0) {
			return 0;
		}
		try {
			String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
		}
		catch (Exception ex) {
			return 0;
		}
	}

	record Result(List<Long> latencies, long errors) {
	}

	static Result run(HttpClient http, String base, String auth, Kind kind, int clients, int seconds, int customers)
			throws InterruptedException {
		var latencies = new ConcurrentLinkedQueue<Long>();
		var errors = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		var done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			Thread.ofVirtual().start(() -> {
				try {
					while (System.nanoTime() < end) {
						String id = String.format("C%08d", 1 + ThreadLocalRandom.current().nextInt(customers));
						// a page starts after a random customer: its cursor is base64url("k:" + id), as the API makes them
						String value = kind.name().startsWith("page") ? Base64.getUrlEncoder().withoutPadding()
							.encodeToString(("k:" + id).getBytes(StandardCharsets.UTF_8)) : id;
						String body = "{\"query\":\"" + kind.query() + "\""
								+ (kind.query().contains("$v") ? ",\"variables\":{\"v\":\"" + value + "\"}" : "") + "}";
						var request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
							.header("Content-Type", "application/json").header("Authorization", auth)
							.timeout(Duration.ofSeconds(60))
							.POST(HttpRequest.BodyPublishers.ofString(body)).build();
						long start = System.nanoTime();
						try {
							var response = http.send(request, HttpResponse.BodyHandlers.ofString());
							long took = System.nanoTime() - start;
							if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
								if (errors.incrementAndGet() == 1) {
									System.err.println(kind.name() + ": " + response.statusCode() + " " + response.body());
								}
							}
							else {
								latencies.add(took);
							}
						}
						catch (Exception ex) {
							if (errors.incrementAndGet() == 1) {
								System.err.println(kind.name() + ": " + ex);
							}
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Result(sorted, errors.get());
	}

	static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, i)) / 1e6;
	}

}
