package org.kimberleyprocess.portal.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.kimberleyprocess.portal.DemoAuthenticator;
import org.kimberleyprocess.portal.PortalApplication;
import org.kimberleyprocess.portal.SeparateDatabase;
import org.kimberleyprocess.portal.SignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in a real browser: Debian's Chromium, driven through its ChromeDriver. For each kind
 * of reader the main pages, in English and in French, at 1280 px and at 320 px (WCAG 2.2 reflow),
 * show no WCAG 2.2 A or AA violation that axe-core finds and never scroll sideways; and the
 * README's walk-through is done by clicking. A page that fails is kept as a screenshot under
 * {@code target/browser-screenshots}, as are the pages a reviewer looks at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealBrowserTest {

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

	private static final String PLENARY_COMMUNIQUE = "Kimberley Process Plenary, Dubai, 13–17 November 2016: Final Communiqué";

	private SeparateDatabase database;

	private ConfigurableApplicationContext portal;

	private JdbcTemplate jdbc;

	private ChromeDriver browser;

	private String base;

	@BeforeAll
	void startPortalAndBrowser() throws IOException {
		Files.createDirectories(SCREENSHOTS);
		this.database = SeparateDatabase.create("browser");
		Map<String, Object> properties = new LinkedHashMap<>(this.database.properties());
		properties.put("server.port", "0");
		properties.put("portal.mail.send-interval", "PT24H");
		properties.put("portal.mail.digest-cron", "-");
		properties.put("portal.notifications.reminder-check", "PT24H");
		properties.put("portal.consensus.deadline-check", "PT24H");
		properties.put("portal.chairs.switch-check", "PT24H");
		properties.put("portal.annual-reports.reminder-check", "PT24H");
		String[] arguments = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		this.portal = new SpringApplicationBuilder(PortalApplication.class).profiles("demo").run(arguments);
		this.jdbc = this.portal.getBean(JdbcTemplate.class);
		this.base = "http://localhost:" + this.portal.getEnvironment().getProperty("local.server.port");

		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=en");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(executable("CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.portal != null) {
			this.portal.close();
		}
	}

	/** Debian's packages put them here; {@code .ci/run} installs them when they are missing. */
	private static String executable(String variable, String fallback) {
		String path = System.getenv().getOrDefault(variable, fallback);
		assertThat(new File(path).canExecute()).as("%s can run (Debian packages chromium and chromium-driver)", path).isTrue();
		return path;
	}

	@Test
	@Order(1)
	void everyReadersMainPagesPassAxeAndReflowAt320PixelsInBothLanguages() {
		long communique = this.jdbc.queryForObject("SELECT id FROM document WHERE title = ?", Long.class,
				PLENARY_COMMUNIQUE);
		long round = this.jdbc.queryForObject(
				"SELECT id FROM consensus_round WHERE document_id = ? AND status = 'OPEN'", Long.class, communique);
		String published = "/communiques/" + this.jdbc.queryForObject("SELECT slug FROM communique ORDER BY id LIMIT 1",
				String.class);
		Map<String, List<String>> pages = new LinkedHashMap<>();
		pages.put("", List.of("/", "/communiques", published, "/documents", "/participants", "/chairs",
				"/review-visits", "/statistics", "/annual-reports/register", "/login"));
		pages.put("hod-bw", List.of("/home", "/documents", "/documents/" + communique,
				"/documents/" + communique + "/consensus", "/consensus", "/meetings", "/review-visits",
				"/annual-reports", "/statistics/returns/bw/2016", "/notifications", "/search?q=valuation"));
		pages.put("chair", List.of("/home", "/documents/" + communique + "/consensus",
				"/documents/" + communique + "/consensus/rounds/" + round + "/close", "/communiques", "/admin",
				"/audit"));
		pages.put("csc", List.of("/home", "/documents", "/consensus"));

		List<String> problems = new ArrayList<>();
		for (var reader : pages.entrySet()) {
			signOut();
			if (!reader.getKey().isEmpty()) {
				signIn(reader.getKey());
			}
			for (String language : List.of("en", "fr")) {
				open("/?lang=" + language);
				for (String page : reader.getValue()) {
					for (int width : new int[] { 1280, 320 }) {
						problems.addAll(check(reader.getKey(), language, width, page));
					}
				}
			}
		}
		signOut();
		assertThat(problems).as("accessibility and reflow problems").isEmpty();
	}

	@Test
	@Order(2)
	void theReadersHomePagesAndTheMatrixOnAPhoneAreKeptForReview() throws IOException {
		long communique = this.jdbc.queryForObject("SELECT id FROM document WHERE title = ?", Long.class,
				PLENARY_COMMUNIQUE);
		for (String username : List.of("hod-bw", "chair")) {
			width(1280);
			signOut();
			signIn(username);
			open("/home?lang=en");
			keep("home-" + username + "-1280");
			width(320);
			keep("home-" + username + "-320");
			if (username.equals("hod-bw")) {
				open("/documents/" + communique + "/consensus");
				keep("matrix-" + username + "-320");
				script("document.querySelector('.table-scroll').scrollIntoView();");
				keep("matrix-" + username + "-320-table", 1400);
			}
			width(1280);
		}
		signOut();
		assertThat(SCREENSHOTS.resolve("matrix-hod-bw-320.png")).exists();
	}

	/** The README's walk-through, by clicking: close the Plenary's round, publish the communiqué, read it signed out. */
	@Test
	@Order(3)
	void theChairsOfficeClosesThePlenarysRoundPublishesTheCommuniqueAndAnyoneReadsIt() {
		signOut();
		signIn("chair");
		open("/meetings?lang=en");
		click(By.linkText("Plenary meeting 2016"));
		click(By.xpath("//li[contains(., '" + PLENARY_COMMUNIQUE + "')]//a[contains(@href, '/consensus')]"));
		click(By.linkText("Close the round and declare the outcome"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Close the round and declare the outcome?");
		assertThat(text()).contains("Closing now adopts the text");
		click(By.xpath("//button[normalize-space() = 'Close the round now']"));
		assertThat(text()).contains("The round is closed: no objection, the text is adopted.");

		open("/home");
		click(By.linkText(PLENARY_COMMUNIQUE));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Publish the communiqué");
		click(By.xpath("//button[normalize-space() = 'Publish']"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Publish this communiqué?");
		click(By.xpath("//button[normalize-space() = 'Publish now']"));
		String address = path();
		assertThat(address).startsWith("/communiques/2016-");

		click(By.xpath("//form[contains(@action, '/logout')]//button"));
		open("/communiques");
		click(By.cssSelector("main a[href='" + address + "']"));
		assertThat(path()).isEqualTo(address);
		assertThat(text()).contains("Final Communiqué").doesNotContain("Sign out");
	}

	/** On a phone the navigation is a closed menu that opens by itself, as a details element does without script. */
	@Test
	@Order(5)
	void onAPhoneTheNavigationIsAMenuThatOpens() {
		width(1280);
		signOut();
		signIn("hod-bw");
		width(320);
		open("/home");
		WebElement menu = this.browser.findElement(By.cssSelector("nav.site-nav summary"));
		WebElement documents = this.browser.findElement(By.cssSelector("nav.site-nav a[href='/documents']"));
		assertThat(menu.isDisplayed()).isTrue();
		assertThat(documents.isDisplayed()).isFalse();
		menu.click();
		assertThat(documents.isDisplayed()).isTrue();
		click(By.cssSelector("nav.site-nav a[href='/documents']"));
		assertThat(path()).isEqualTo("/documents");
		width(1280);
		open("/home");
		assertThat(this.browser.findElement(By.cssSelector("nav.site-nav a[href='/documents']")).isDisplayed()).isTrue();
		signOut();
	}

	/** A search far longer than the field allows, pasted into the address, gets the form back with a message. */
	@Test
	@Order(4)
	void anOversizedSearchInTheAddressGetsTheFormBackWithAMessage() throws Exception {
		String words = "valuation ".repeat(2000);
		for (String page : List.of("/search", "/documents")) {
			var response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.base + page + "?q="
						+ java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8))).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			assertThat(response.body()).as(page)
				.contains("Searches are at most 200 characters long", "name=\"q\"");
		}
	}

	// The browser

	private List<String> check(String reader, String language, int width, String page) {
		width(width);
		open(page);
		String where = (reader.isEmpty() ? "signed out" : reader) + " " + language + " " + width + "px " + page;
		List<String> problems = new ArrayList<>();
		if (!path().equals(page.replaceFirst("\\?.*", ""))) {
			problems.add(where + ": landed on " + this.browser.getCurrentUrl());
		}
		Object overflow = script("""
				var width = document.documentElement.clientWidth;
				if (document.documentElement.scrollWidth <= width) { return null; }
				var wide = [];
				document.querySelectorAll('body *').forEach(function (element) {
				  if (element.getBoundingClientRect().right > width + 1) {
				    wide.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
				      + (element.className && element.className.baseVal === undefined ? '.' + element.className : '')
				      + (element.closest('.table-scroll') ? ' (in a scrolling region)' : ''));
				  }
				});
				return document.documentElement.scrollWidth + ' px wide: ' + wide.slice(0, 5).join(', ');""");
		if (overflow != null) {
			problems.add(where + ": scrolls sideways, " + overflow);
		}
		Results results = new AxeBuilder().withTags(WCAG).analyze(this.browser);
		for (Rule violation : results.getViolations()) {
			problems.add(where + ": " + violation.getId() + " (" + violation.getImpact() + ") on "
					+ violation.getNodes().stream().limit(3).map((node) -> String.valueOf(node.getTarget())).toList());
		}
		if (!problems.isEmpty()) {
			keep(("failure-" + where).replaceAll("[^A-Za-z0-9-]+", "-"));
		}
		return problems;
	}

	private void signIn(String username) {
		open("/login?lang=en");
		this.browser.findElement(By.id("username")).sendKeys(username);
		this.browser.findElement(By.id("password")).sendKeys(SignIn.DEMO_PASSWORD);
		click(By.cssSelector("main form button[type='submit']"));
		if (path().equals("/sign-in/code")) {
			this.jdbc.update("UPDATE second_factor SET last_used_step = 0");
			this.browser.findElement(By.id("code")).sendKeys(DemoAuthenticator.codeNow());
			click(By.cssSelector("main form button[type='submit']"));
		}
		assertThat(path()).as("signed in as %s", username)
			.isNotIn("/login", "/sign-in/code");
	}

	private void signOut() {
		open("/");
		this.browser.manage().deleteAllCookies();
	}

	private String path() {
		return java.net.URI.create(this.browser.getCurrentUrl()).getPath();
	}

	private void open(String path) {
		this.browser.get(this.base + path);
	}

	/** Clicks what leads to another page, and waits until that page has replaced this one. */
	private void click(By target) {
		WebElement element = this.browser.findElement(target);
		WebElement page = this.browser.findElement(By.tagName("html"));
		script("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
		new org.openqa.selenium.support.ui.WebDriverWait(this.browser, Duration.ofSeconds(20))
			.until((driver) -> replaced(page));
	}

	/**
	 * Whether the element's page has gone. Chromium reports an element of a page being replaced
	 * either as stale or, in the instant the new document takes its place, as a node that "does
	 * not belong to the document"; both mean the page has gone.
	 */
	private static boolean replaced(WebElement page) {
		try {
			page.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	private String text() {
		return this.browser.findElement(By.tagName("main")).getText();
	}

	/** The viewport as a phone or a desktop shows it: 320 px is the width WCAG's reflow criterion names. */
	private void width(int pixels) {
		if (pixels >= 1280) {
			this.browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		else {
			this.browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", pixels, "height", 720, "deviceScaleFactor", 1, "mobile", true));
		}
	}

	private Object script(String source, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(source, arguments);
	}

	/** The whole page, not only what the window shows, as a PNG under {@link #SCREENSHOTS}. */
	private void keep(String name) {
		keep(name, 8000);
	}

	/** The page from where it is scrolled to, at most {@code most} pixels of it. */
	private void keep(String name, int most) {
		Number width = (Number) script("return document.documentElement.scrollWidth;");
		Number top = (Number) script("return Math.round(window.scrollY);");
		Number height = (Number) script("return document.documentElement.scrollHeight;");
		Map<String, Object> shot = this.browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
				"captureBeyondViewport", true, "clip", Map.of("x", 0, "y", top, "width", width, "height",
						Math.min(height.intValue() - top.intValue(), most), "scale", 1)));
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"),
					java.util.Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
