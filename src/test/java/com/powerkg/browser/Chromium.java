package com.powerkg.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.powerkg.api.Connection;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real, headless Chromium (Debian's {@code chromium} package) driven through the Chrome DevTools Protocol, for
 * tests that must see what a user's browser sees: scripts run, workers start, the page fetches what it fetches.
 * <p>
 * The network to the outside is closed, as on the utility's network: host names other than {@code localhost} do
 * not resolve ({@code --host-resolver-rules}), and every request of a page to a host other than the loopback one is
 * failed before it leaves ({@code Fetch.failRequest}, which also catches literal IP addresses). Every request a page
 * (and its workers and frames) makes is recorded, blocked or not, so a test can assert that nothing left the
 * machine. HTTP Basic challenges from the loopback host are answered as a user answers the browser's dialog, and
 * the browser then sends those credentials itself, as it does for a real user.
 * <p>
 * Tests call {@link #assumeInstalled()} first (in the test or a {@code @BeforeEach}, so that the skip and its reason
 * are reported per test): without {@code /usr/bin/chromium} they are skipped ({@code .ci/run} installs it). Launch
 * one Chromium per test class ({@link #launch()} in a {@code @BeforeAll} when {@link #installed()}), a page per test.
 * Screenshots go to {@code target/screenshots/}.
 */
public final class Chromium implements AutoCloseable {

	/** Debian's launcher; {@code -Dpowerkg.test.chromium=/path} points at another Chromium or Chrome. */
	public static final Path EXECUTABLE = Path.of(System.getProperty("powerkg.test.chromium", "/usr/bin/chromium"));

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

	private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final Path profile;

	private final Deque<String> output;

	private final Connection connection;

	private Chromium(Process process, Path profile, Deque<String> output, Connection connection) {
		this.process = process;
		this.profile = profile;
		this.output = output;
		this.connection = connection;
	}

	public static boolean installed() {
		return Files.isExecutable(EXECUTABLE);
	}

	/** Skips the calling test when Chromium is not installed (locally; CI installs it). */
	public static void assumeInstalled() {
		Assumptions.assumeTrue(installed(), () -> EXECUTABLE + " is not installed, so real-browser tests are skipped "
				+ "(apt-get install chromium; .ci/run installs it)");
	}

	/** Starts a headless Chromium with a fresh profile and the outside network closed. */
	public static Chromium launch() throws IOException {
		Path profile = Files.createTempDirectory("powerkg-chromium-");
		List<String> command = List.of(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
				"--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider",
				"--mute-audio", "--hide-scrollbars", "--window-size=1400,900",
				// nothing but the loopback host resolves: the closed network of the utility
				"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
				"--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank");
		Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		CompletableFuture<String> devtools = new CompletableFuture<>();
		Deque<String> lines = new ArrayDeque<>();
		Thread reader = Thread.ofPlatform().daemon().name("chromium-stderr").start(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
				for (String line; (line = in.readLine()) != null;) {
					synchronized (lines) {
						lines.addLast(line);
						if (lines.size() > 200) {
							lines.removeFirst();
						}
					}
					Matcher matcher = DEVTOOLS_URL.matcher(line);
					if (matcher.find()) {
						devtools.complete(matcher.group(1));
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
			devtools.completeExceptionally(new IllegalStateException("Chromium ended without a DevTools address"));
		});
		try {
			String url = devtools.get(30, TimeUnit.SECONDS);
			return new Chromium(process, profile, lines, Connection.open(URI.create(url)));
		}
		catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException ex) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			deleteQuietly(profile);
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			String output;
			synchronized (lines) {
				output = String.join("\n", lines);
			}
			reader.interrupt();
			throw new IllegalStateException("Chromium did not start (" + ex + "); its output:\n" + output, ex);
		}
	}

	/** A new tab, 1400 × 900, recording its requests, with the outside network blocked. */
	public Page open() {
		String targetId = this.connection.send(null, "Target.createTarget", Map.of("url", "about:blank"))
			.path("targetId").asString();
		String sessionId = this.connection.send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
			.path("sessionId").asString();
		Page page = new Page(this.connection, targetId, sessionId);
		page.setUp();
		return page;
	}

	/** The last lines Chromium wrote to its standard error. */
	public List<String> output() {
		synchronized (this.output) {
			return List.copyOf(this.output);
		}
	}

	@Override
	public void close() {
		try {
			this.connection.sendAsync(null, "Browser.close", Map.of()).get(5, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// it is going anyway
		}
		this.connection.close();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.descendants().forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		deleteQuietly(this.profile);
	}

	private static void deleteQuietly(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary directory; the OS cleans it eventually
		}
	}

	/** True for a URL that stays on this machine: the loopback host, or no network at all (data:, blob:, about:). */
	public static boolean staysOnThisMachine(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase() : "";
		if (!Set.of("http", "https", "ws", "wss", "ftp").contains(scheme)) {
			return Set.of("data", "blob", "about", "chrome-error", "devtools").contains(scheme);
		}
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase() : "";
		return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1");
	}

	/** One request a page made (or tried to make), as the DevTools protocol reported it. */
	public static final class Request {

		private final String url;

		private final String method;

		private final String type;

		private volatile int status;

		private volatile String failure;

		private volatile boolean blocked;

		Request(String url, String method, String type) {
			this.url = url;
			this.method = method;
			this.type = type;
		}

		public String url() {
			return this.url;
		}

		public String method() {
			return this.method;
		}

		/** Document, Script, Stylesheet, Font, Fetch, WebSocket, ... */
		public String type() {
			return this.type;
		}

		/** The HTTP status, 0 while none (or never) came. */
		public int status() {
			return this.status;
		}

		/** Why it failed (net::ERR_...), or null. */
		public String failure() {
			return this.failure;
		}

		/** Whether the harness stopped it because it was going off the machine. */
		public boolean blocked() {
			return this.blocked;
		}

		public boolean staysOnThisMachine() {
			return Chromium.staysOnThisMachine(this.url);
		}

		@Override
		public String toString() {
			return this.method + " " + this.url + " (" + this.type + ", "
					+ (this.blocked ? "blocked" : (this.failure != null) ? this.failure : (this.status != 0) ? "HTTP " + this.status : "no answer")
					+ ")";
		}

	}

	/** A tab: navigate, sign in, run JavaScript, wait, click, type, take screenshots, list requests. */
	public static final class Page implements AutoCloseable {

		public static final int ALT = 1;

		public static final int CTRL = 2;

		public static final int META = 4;

		public static final int SHIFT = 8;

		private final Connection connection;

		private final String targetId;

		private final String sessionId;

		private final Map<String, Request> byId = new ConcurrentHashMap<>();

		private final List<Request> requests = new CopyOnWriteArrayList<>();

		private final List<String> blockedUrls = new CopyOnWriteArrayList<>();

		private final List<String> console = new CopyOnWriteArrayList<>();

		private volatile String user;

		private volatile String password;

		Page(Connection connection, String targetId, String sessionId) {
			this.connection = connection;
			this.targetId = targetId;
			this.sessionId = sessionId;
		}

		void setUp() {
			this.connection.listen(this.sessionId, this::onEvent);
			for (String domain : new String[] { "Page", "Runtime", "Log" }) {
				this.connection.send(this.sessionId, domain + ".enable", Map.of());
			}
			watchNetwork(this.sessionId);
			this.connection.send(this.sessionId, "Emulation.setDeviceMetricsOverride",
					Map.of("width", 1400, "height", 900, "deviceScaleFactor", 1, "mobile", false));
			// workers and out-of-process frames are targets of their own: watch their requests too
			this.connection.send(this.sessionId, "Target.setAutoAttach",
					Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true));
		}

		private void watchNetwork(String session) {
			this.connection.send(session, "Network.enable", Map.of());
			this.connection.send(session, "Fetch.enable",
					Map.of("patterns", List.of(Map.of("urlPattern", "*")), "handleAuthRequests", true));
		}

		/** Answers the service's HTTP Basic challenges with this user, as a user answers the browser's dialog. */
		public Page signInAs(String user, String password) {
			this.user = user;
			this.password = password;
			return this;
		}

		/** Opens the URL and waits until the document has loaded. */
		public Page navigate(String url) {
			JsonNode result = this.connection.send(this.sessionId, "Page.navigate", Map.of("url", url));
			if (result.hasNonNull("errorText") && !result.path("errorText").asString().isEmpty()) {
				throw new IllegalStateException("Could not open " + url + ": " + result.path("errorText").asString());
			}
			waitUntil("the document at " + url + " has loaded", "document.readyState === 'complete'", Duration.ofSeconds(30));
			return this;
		}

		/** The value of a JavaScript expression (promises are awaited); throws if it throws. */
		public JsonNode evaluate(String expression) {
			JsonNode result = this.connection.send(this.sessionId, "Runtime.evaluate",
					Map.of("expression", expression, "returnByValue", true, "awaitPromise", true, "userGesture", true));
			if (result.has("exceptionDetails")) {
				JsonNode details = result.path("exceptionDetails");
				throw new IllegalStateException("JavaScript failed: " + details.path("exception").path("description").asString(
						details.path("text").asString("")) + "\n in: " + expression);
			}
			return result.path("result").path("value");
		}

		/** The string value of an expression, "" for null or undefined. */
		public String text(String expression) {
			JsonNode value = evaluate(expression);
			return value.isMissingNode() || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
		}

		/**
		 * Waits until the JavaScript condition is truthy; on time-out saves a screenshot ({@code timeout-*.png}) and fails
		 * with what the page logged.
		 */
		public void waitUntil(String description, String condition, Duration timeout) {
			waitUntil(description, condition, timeout, "''");
		}

		/** As {@link #waitUntil(String, String, Duration)}; on time-out the failure also shows the text of {@code shown}. */
		public void waitUntil(String description, String condition, Duration timeout, String shown) {
			long deadline = System.nanoTime() + timeout.toNanos();
			String last = "";
			while (true) {
				try {
					JsonNode value = evaluate("!!(" + condition + ")");
					if (value.asBoolean(false)) {
						return;
					}
				}
				catch (IllegalStateException ex) {
					// e.g. the context went away during a navigation: try again
					last = ex.getMessage();
				}
				if (System.nanoTime() > deadline) {
					String shot;
					try {
						shot = screenshot("timeout-" + description.replaceAll("[^A-Za-z0-9]+", "-")).toString();
					}
					catch (RuntimeException ex) {
						shot = "none (" + ex.getMessage() + ")";
					}
					String seen;
					try {
						seen = text("(" + shown + ")");
					}
					catch (RuntimeException ex) {
						seen = "(" + ex.getMessage() + ")";
					}
					throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until " + description
							+ " (" + condition + ")" + (last.isEmpty() ? "" : "; last error: " + last)
							+ (seen.isEmpty() ? "" : "\nshown: " + seen) + "\nscreenshot: "
							+ shot + "\nconsole:\n  " + String.join("\n  ", this.console) + "\nrequests:\n  "
							+ String.join("\n  ", this.requests.stream().map(Request::toString).toList()));
				}
				pause(Duration.ofMillis(200));
			}
		}

		/**
		 * Clicks with the mouse the middle of the visible part (inside the window and every clipping ancestor) of the first
		 * element matching the CSS selector; scrolled into view first only when none of it is visible, as scrolling would
		 * also move editors' own hidden overflow. A page that is still moving (a frame sliding in, a notice on top) would
		 * take the click somewhere else, so it waits up to five seconds until the element holds still and is the one a
		 * click at that point reaches; then it clicks.
		 */
		public Page click(String selector) {
			String locate = "(() => { const e = document.querySelector(" + quote(selector) + "); if (!e) return null; "
					+ "const visible = () => { const r = e.getBoundingClientRect(); "
					+ "let left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth), "
					+ "top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight); "
					+ "for (let a = e.parentElement; a; a = a.parentElement) { "
					+ "if (getComputedStyle(a).overflow === 'visible') continue; const c = a.getBoundingClientRect(); "
					+ "left = Math.max(left, c.left); right = Math.min(right, c.right); top = Math.max(top, c.top); bottom = Math.min(bottom, c.bottom); } "
					+ "return right > left && bottom > top ? {x: (left + right) / 2, y: (top + bottom) / 2} : null; }; "
					+ "let point = visible(); if (!point) { e.scrollIntoView({block: 'center', inline: 'nearest'}); point = visible(); } "
					+ "if (point) { const hit = document.elementFromPoint(point.x, point.y); point.reached = !!hit && (hit === e || e.contains(hit)); } "
					+ "return point; })()";
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			JsonNode point = evaluate(locate);
			while (System.nanoTime() < deadline) {
				pause(Duration.ofMillis(100));
				JsonNode again;
				try {
					again = evaluate(locate);
				}
				catch (IllegalStateException ex) {
					continue; // e.g. the context went away during a navigation: look again
				}
				boolean still = !point.isNull() && !point.isMissingNode() && again.path("x").equals(point.path("x"))
						&& again.path("y").equals(point.path("y"));
				point = again;
				if (still && point.path("reached").asBoolean(false)) {
					break;
				}
			}
			if (point.isNull() || point.isMissingNode()) {
				throw new AssertionError("Nothing to click: no visible element matches " + selector);
			}
			if (!point.path("reached").asBoolean(false)) {
				System.out.println("Clicking " + selector + " though a click there reaches another element, or it still moves");
			}
			double x = point.path("x").asDouble();
			double y = point.path("y").asDouble();
			mouse("mouseMoved", x, y, 0);
			mouse("mousePressed", x, y, 1);
			mouse("mouseReleased", x, y, 1);
			return this;
		}

		private static void pause(Duration duration) {
			try {
				Thread.sleep(duration);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private void mouse(String type, double x, double y, int clickCount) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("type", type);
			event.put("x", x);
			event.put("y", y);
			if (clickCount > 0) {
				event.put("button", "left");
				event.put("clickCount", clickCount);
			}
			this.connection.send(this.sessionId, "Input.dispatchMouseEvent", event);
		}

		/** Types text into the focused element, as a paste or an input method would. */
		public Page insertText(String text) {
			this.connection.send(this.sessionId, "Input.insertText", Map.of("text", text));
			return this;
		}

		/**
		 * Pastes text into the focused element, as Ctrl+V does: a {@code paste} event carrying the text. Editors take a
		 * paste as it is, where typed text gets closing brackets and indentation added.
		 */
		public Page paste(String text) {
			JsonNode pasted = evaluate("(() => { const target = document.activeElement; if (!target) return false; "
					+ "const data = new DataTransfer(); data.setData('text/plain', " + quote(text) + "); "
					+ "target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})); "
					+ "return true; })()");
			if (!pasted.asBoolean(false)) {
				throw new AssertionError("Nothing has the focus to paste into");
			}
			return this;
		}

		/**
		 * Presses and releases a key: a letter or digit, or Enter, Tab, Escape, Backspace, Delete, ArrowUp, ArrowDown,
		 * ArrowLeft, ArrowRight, Home, End; modifiers are {@link #CTRL} | {@link #SHIFT} | {@link #ALT} | {@link #META}.
		 */
		public Page press(String key, int modifiers) {
			int keyCode;
			String code;
			String text = null;
			switch (key) {
				case "Enter" -> { keyCode = 13; code = "Enter"; text = "\r"; }
				case "Tab" -> { keyCode = 9; code = "Tab"; }
				case "Escape" -> { keyCode = 27; code = "Escape"; }
				case "Backspace" -> { keyCode = 8; code = "Backspace"; }
				case "Delete" -> { keyCode = 46; code = "Delete"; }
				case "ArrowLeft" -> { keyCode = 37; code = "ArrowLeft"; }
				case "ArrowUp" -> { keyCode = 38; code = "ArrowUp"; }
				case "ArrowRight" -> { keyCode = 39; code = "ArrowRight"; }
				case "ArrowDown" -> { keyCode = 40; code = "ArrowDown"; }
				case "Home" -> { keyCode = 36; code = "Home"; }
				case "End" -> { keyCode = 35; code = "End"; }
				default -> {
					if (key.length() != 1 || !Character.isLetterOrDigit(key.charAt(0))) {
						throw new IllegalArgumentException("No key " + key);
					}
					char ch = Character.toUpperCase(key.charAt(0));
					keyCode = ch;
					code = Character.isDigit(ch) ? "Digit" + ch : "Key" + ch;
					text = key;
				}
			}
			boolean printed = text != null && (modifiers & (CTRL | ALT | META)) == 0;
			Map<String, Object> down = new LinkedHashMap<>();
			down.put("type", printed ? "keyDown" : "rawKeyDown");
			down.put("modifiers", modifiers);
			down.put("key", key);
			down.put("code", code);
			down.put("windowsVirtualKeyCode", keyCode);
			if (printed) {
				down.put("text", text);
				down.put("unmodifiedText", text);
			}
			this.connection.send(this.sessionId, "Input.dispatchKeyEvent", down);
			Map<String, Object> up = new LinkedHashMap<>(down);
			up.put("type", "keyUp");
			up.remove("text");
			up.remove("unmodifiedText");
			this.connection.send(this.sessionId, "Input.dispatchKeyEvent", up);
			return this;
		}

		/** Saves what the tab shows as {@code target/screenshots/NAME.png}. */
		public Path screenshot(String name) {
			JsonNode shot = this.connection.send(this.sessionId, "Page.captureScreenshot", Map.of("format", "png"));
			try {
				Files.createDirectories(SCREENSHOTS);
				Path file = SCREENSHOTS.resolve(name + ".png");
				Files.write(file, Base64.getDecoder().decode(shot.path("data").asString()));
				return file;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** Every request so far of the page, its workers and frames, in the order they were made. */
		public List<Request> requests() {
			return List.copyOf(this.requests);
		}

		/** The requests that were going off this machine (all blocked). */
		public List<Request> requestsOffThisMachine() {
			return this.requests.stream().filter(request -> !request.staysOnThisMachine()).toList();
		}

		/** URLs the harness refused to let out, whether or not the Network domain reported the request. */
		public List<String> blockedUrls() {
			return List.copyOf(this.blockedUrls);
		}

		/** What the page logged (console, uncaught errors, the browser's own messages). */
		public List<String> console() {
			return List.copyOf(this.console);
		}

		@Override
		public void close() {
			try {
				this.connection.send(null, "Target.closeTarget", Map.of("targetId", this.targetId));
			}
			catch (RuntimeException ex) {
				// the browser may be gone already
			}
		}

		private void onEvent(String session, String method, JsonNode params) {
			switch (method) {
				case "Network.requestWillBeSent" -> {
					JsonNode request = params.path("request");
					Request recorded = new Request(request.path("url").asString(), request.path("method").asString(),
							params.path("type").asString("Other"));
					// a redirect reuses the id: the earlier hop stays in the list
					this.byId.put(params.path("requestId").asString(), recorded);
					this.requests.add(recorded);
				}
				case "Network.webSocketCreated" -> {
					Request recorded = new Request(params.path("url").asString(), "GET", "WebSocket");
					this.byId.put(params.path("requestId").asString(), recorded);
					this.requests.add(recorded);
				}
				case "Network.responseReceived" -> {
					Request request = this.byId.get(params.path("requestId").asString());
					if (request != null) {
						request.status = params.path("response").path("status").asInt();
					}
				}
				case "Network.webSocketHandshakeResponseReceived" -> {
					Request request = this.byId.get(params.path("requestId").asString());
					if (request != null) {
						request.status = params.path("response").path("status").asInt();
					}
				}
				case "Network.loadingFailed" -> {
					Request request = this.byId.get(params.path("requestId").asString());
					if (request != null) {
						request.failure = params.path("errorText").asString("failed")
								+ (params.has("blockedReason") ? " (" + params.path("blockedReason").asString() + ")" : "");
						request.blocked |= this.blockedUrls.contains(request.url);
					}
				}
				case "Fetch.requestPaused" -> {
					String url = params.path("request").path("url").asString();
					String pausedId = params.path("requestId").asString();
					if (staysOnThisMachine(url)) {
						this.connection.sendAsync(session, "Fetch.continueRequest", Map.of("requestId", pausedId));
					}
					else {
						this.blockedUrls.add(url);
						Request request = this.byId.get(params.path("networkId").asString(""));
						if (request != null) {
							request.blocked = true;
						}
						this.connection.sendAsync(session, "Fetch.failRequest",
								Map.of("requestId", pausedId, "errorReason", "BlockedByClient"));
					}
				}
				case "Fetch.authRequired" -> {
					JsonNode challenge = params.path("authChallenge");
					boolean answer = this.user != null && "Server".equals(challenge.path("source").asString("Server"))
							&& staysOnThisMachine(challenge.path("origin").asString());
					Map<String, Object> response = answer
							? Map.of("response", "ProvideCredentials", "username", this.user, "password", this.password)
							: Map.of("response", "CancelAuth");
					this.connection.sendAsync(session, "Fetch.continueWithAuth",
							Map.of("requestId", params.path("requestId").asString(), "authChallengeResponse", response));
				}
				case "Target.attachedToTarget" -> {
					String child = params.path("sessionId").asString();
					this.connection.listen(child, this::onEvent);
					// its requests are recorded and blocked like the page's; then it may start
					this.connection.sendAsync(child, "Network.enable", Map.of());
					this.connection.sendAsync(child, "Fetch.enable",
							Map.of("patterns", List.of(Map.of("urlPattern", "*")), "handleAuthRequests", true));
					this.connection.sendAsync(child, "Runtime.runIfWaitingForDebugger", Map.of());
				}
				case "Runtime.consoleAPICalled" -> {
					List<String> args = new ArrayList<>();
					for (JsonNode arg : params.path("args")) {
						args.add(arg.has("value") ? arg.path("value").toString() : arg.path("description").asString(arg.path("type").asString()));
					}
					this.console.add(params.path("type").asString() + ": " + String.join(" ", args));
				}
				case "Runtime.exceptionThrown" -> {
					JsonNode details = params.path("exceptionDetails");
					this.console.add("uncaught: " + details.path("exception").path("description").asString(details.path("text").asString()));
				}
				case "Log.entryAdded" -> {
					JsonNode entry = params.path("entry");
					this.console.add(entry.path("level").asString() + " (" + entry.path("source").asString() + "): "
							+ entry.path("text").asString() + (entry.has("url") ? " " + entry.path("url").asString() : ""));
				}
				default -> {
				}
			}
		}

		private static String quote(String text) {
			return JSON.writeValueAsString(text);
		}

	}

	/** One DevTools WebSocket: commands by id, events to the listener of their session (on one event thread). */
	static final class Connection implements WebSocket.Listener {

		interface EventListener {

			void onEvent(String sessionId, String method, JsonNode params);

		}

		private final AtomicInteger ids = new AtomicInteger();

		private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

		private final Map<Integer, String> methods = new ConcurrentHashMap<>();

		private final Map<String, EventListener> listeners = new ConcurrentHashMap<>();

		private final ExecutorService events = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("cdp-events").factory());

		private final StringBuilder partial = new StringBuilder();

		private final Object sending = new Object();

		private final HttpClient client = HttpClient.newHttpClient();

		private volatile WebSocket socket;

		static Connection open(URI url) {
			Connection connection = new Connection();
			connection.socket = connection.client.newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(10))
				.buildAsync(url, connection)
				.join();
			return connection;
		}

		void listen(String sessionId, EventListener listener) {
			this.listeners.put(sessionId, listener);
		}

		JsonNode send(String sessionId, String method, Map<String, ?> params) {
			try {
				return sendAsync(sessionId, method, params).get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex.getCause());
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException("No answer from Chromium to " + method + " within " + COMMAND_TIMEOUT.toSeconds() + " s");
			}
		}

		CompletableFuture<JsonNode> sendAsync(String sessionId, String method, Map<String, ?> params) {
			int id = this.ids.incrementAndGet();
			CompletableFuture<JsonNode> answer = new CompletableFuture<>();
			this.pending.put(id, answer);
			this.methods.put(id, method);
			Map<String, Object> message = new LinkedHashMap<>();
			message.put("id", id);
			message.put("method", method);
			message.put("params", params);
			if (sessionId != null) {
				message.put("sessionId", sessionId);
			}
			try {
				String text = JSON.writeValueAsString(message);
				synchronized (this.sending) {
					this.socket.sendText(text, true).join();
				}
			}
			catch (RuntimeException ex) {
				this.pending.remove(id);
				answer.completeExceptionally(new IllegalStateException("Could not send " + method + " to Chromium", ex));
			}
			return answer;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				receive(JSON.readTree(text));
			}
			webSocket.request(1);
			return null;
		}

		private void receive(JsonNode message) {
			if (message.has("id")) {
				int id = message.path("id").asInt();
				CompletableFuture<JsonNode> answer = this.pending.remove(id);
				String method = this.methods.remove(id);
				if (answer != null) {
					if (message.has("error")) {
						answer.completeExceptionally(new IllegalStateException(
								method + " failed in Chromium: " + message.path("error").path("message").asString()));
					}
					else {
						answer.complete(message.path("result"));
					}
				}
				return;
			}
			String sessionId = message.path("sessionId").asString("");
			EventListener listener = this.listeners.get(sessionId);
			if (listener != null) {
				String method = message.path("method").asString();
				JsonNode params = message.path("params");
				this.events.execute(() -> {
					try {
						listener.onEvent(sessionId, method, params);
					}
					catch (RuntimeException ex) {
						System.err.println("chromium: handling " + method + " failed: " + ex);
					}
				});
			}
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			failPending("Chromium closed the DevTools connection");
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			failPending("DevTools connection failed: " + error);
		}

		private void failPending(String why) {
			this.pending.values().forEach(answer -> answer.completeExceptionally(new IllegalStateException(why)));
			this.pending.clear();
		}

		void close() {
			try {
				this.socket.abort();
			}
			catch (RuntimeException ex) {
				// closed already
			}
			this.events.shutdownNow();
			this.client.close();
		}

	}

}
