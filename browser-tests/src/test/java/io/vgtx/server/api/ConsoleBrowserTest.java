package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.vgtx.core.auth.Role;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.store.Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser (Debian's chromium, headless) against a real node on a free port: sign-in, a wrong
 * password and the lock-out, a lookup with a match and a hit/no-hit, an image lookup, an import, a board approval,
 * a hotline report through to its removal and the statistics, two police forces' cases raising a deconfliction alert,
 * webhooks with a dead letter, and that partner users (INDUSTRY, NGO, HOTLINE) reach an AMBER entry through no page.
 * Screenshots of each main page go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of(System.getProperty("vgtx.screenshots", "target/screenshots"));
    static final Path TESTDATA = Path.of(System.getProperty("vgtx.testdata", "../../shared/testdata"));
    static final String PASSWORD = "correct horse battery";
    static final String AMBER_HASH = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    static final String GREEN_HASH = "6f1ed002ab5595859014ebf0951522d96f1ed002ab5595859014ebf0951522d9";
    static final String UNKNOWN_HASH = "00000000000000000000000000000000ffffffffffffffffffffffffffffffff";
    static final String AMBER_BANK = "nl-series-amber";
    static final String AMBER_LABEL = "bridge-amber-label";
    static final String CASE_HASH = "a3f8b4c2d1e0f9a8b7c6d5e4f3a2b1c0a3f8b4c2d1e0f9a8b7c6d5e4f3a2b1c0";
    static final String CASE_BANK = "tulip-amber";
    static final String CASE_SERIES = "tulip-series";
    static final String CASE_TITLE = "Operation Alpha";
    /** What a partner must never read on any page. */
    static final List<String> AMBER_ONLY = List.of(AMBER_BANK, AMBER_LABEL, "amber-series", CASE_BANK, CASE_SERIES, CASE_TITLE, "Operation Tulip");

    LiveNode node;
    Playwright playwright;
    Browser browser;
    String base;
    String operatorAdmin;
    String nlPoliceAnalyst;
    Organisation nlPolice;
    long amberBank;
    long amberEntry;
    final List<String> consoleErrors = new ArrayList<>();
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "browser tests need Debian's chromium at /usr/bin/chromium (.ci/run installs it)");
        Files.createDirectories(SCREENSHOTS);
        node = new LiveNode(Backend.SQLITE, tempDir);
        base = node.server.uri().toString();
        Taskforce t = node.taskforce;
        operatorAdmin = t.token(t.operator, Role.ADMIN);
        Organisation hotline = t.active("DE Hotline", OrganisationKind.HOTLINE);
        Organisation industry = t.active("Example Platform", OrganisationKind.INDUSTRY);
        Organisation ngo = t.active("Child Safety NGO", OrganisationKind.NGO);
        user(t.operator.id(), "ops-admin", Role.ADMIN);
        user(t.operator.id(), "desk-admin", Role.ADMIN);
        user(t.operator.id(), "ops-board", Role.BOARD);
        user(t.operator.id(), "lock-me", Role.VIEWER);
        user(hotline.id(), "hl-analyst", Role.ANALYST);
        user(industry.id(), "ind-viewer", Role.VIEWER);
        user(ngo.id(), "ngo-analyst", Role.ANALYST);
        user(industry.id(), "ind-admin", Role.ADMIN);
        Organisation nlPolice = t.organisation("NL Police", OrganisationKind.LAW_ENFORCEMENT, "NL", MembershipState.ACTIVE);
        t.organisations.setJurisdictions(nlPolice.id(), List.of("NL"));
        this.nlPolice = nlPolice;
        nlPoliceAnalyst = t.token(nlPolice, Role.ANALYST);
        user(nlPolice.id(), "nl-analyst", Role.ANALYST);
        user(t.operator.id(), "ops-analyst", Role.ANALYST);

        amberBank = node.post(operatorAdmin, "/api/v1/banks", "{\"name\":\"" + AMBER_BANK + "\",\"distribution\":\"AMBER\",\"category\":\"A\"}").json().get("id").asLong();
        node.post(operatorAdmin, "/api/v1/banks/" + amberBank + "/entries",
                "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + AMBER_HASH + "\",\"label\":\"" + AMBER_LABEL + "\",\"series\":\"amber-series\"}]}");
        amberEntry = node.get(operatorAdmin, "/api/v1/banks/" + amberBank + "/entries").json().get("entries").get(0).get("id").asLong();
        long green = node.post(operatorAdmin, "/api/v1/banks", "{\"name\":\"shared-green\",\"distribution\":\"GREEN\",\"category\":\"B\"}").json().get("id").asLong();
        node.post(operatorAdmin, "/api/v1/banks/" + green + "/entries", "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + GREEN_HASH + "\",\"label\":\"green-one\"}]}");

        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** Made by the organisation's own ADMIN: the node's administrator issues another organisation none of these (issue 14). */
    private void user(long orgId, String login, Role role) {
        String issuer = orgId == node.taskforce.operator.id() ? operatorAdmin
                : node.taskforce.token(node.taskforce.organisations.find(orgId).orElseThrow(), Role.ADMIN);
        LiveNode.Reply created = node.post(issuer, "/api/v1/organisations/" + orgId + "/users",
                "{\"login\":\"" + login + "\",\"role\":\"" + role + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        assertThat(consoleErrors).as("errors in the browser console").isEmpty();
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (node != null) node.close();
    }

    private Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860).setTimezoneId("UTC"));
        contexts.add(context);
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.onConsoleMessage(message -> {
            // A refused sign-in or request shows as a failed resource load; the page says so itself.
            if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) consoleErrors.add(message.text());
        });
        page.onPageError(error -> consoleErrors.add(error));
        return page;
    }

    private Page signIn(String login) {
        Page page = newPage();
        page.navigate(base + "/");
        page.waitForURL("**/login.html");
        page.getByLabel("Login").fill(login);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#who")).containsText(login);
        return page;
    }

    private void go(Page page, String hash, String heading) {
        page.navigate(base + "/#/" + hash);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setLevel(1))).isVisible();
        assertThat(page.locator("main .loading")).hasCount(0);
    }

    private void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void signInShowsTheDashboardAUserChangesItsPasswordAndSignOutEndsTheSession() {
        Page page = signIn("desk-admin");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dashboard"))).isVisible();
        assertThat(page.locator(".charts").first().locator("figure.chart > svg")).hasCount(3);
        assertThat(page.locator("figure.chart", new Page.LocatorOptions().setHasText("Your reports by state"))).isVisible();
        assertThat(page.locator(".cards").first()).containsText("banks you can see");
        assertThat(page.locator("#nav a[data-page=audit]")).isVisible();
        screenshot(page, "dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your account")).click();
        page.getByLabel("Current password").fill(PASSWORD);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD + " too");
        page.getByLabel("New password again").fill(PASSWORD + " too");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Password changed"))).isVisible();
        go(page, "banks", "Banks");
        page.getByLabel("Name").fill("after-password-change");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create bank")).click();
        assertThat(page.locator("main")).containsText("created");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL("**/login.html");
        page.navigate(base + "/#/banks");
        page.waitForURL("**/login.html");
    }

    /**
     * A police force of its own (so no other test's data or lookups reach its numbers but GREEN entries): its bank's
     * entries, one re-categorised, by category and distribution; its lookups today stacked as visible, hit/no-hit only
     * and no match. The charts' numbers are checked against the API's and the lookups exactly.
     */
    @Test
    void theDashboardChartsEntriesByCategoryAndDistributionAndTheOrganisationsOwnLookupsPerDay() throws Exception {
        Taskforce t = node.taskforce;
        Organisation dash = t.organisation("Dash Police", OrganisationKind.LAW_ENFORCEMENT, "BE", MembershipState.ACTIVE);
        user(dash.id(), "dash-analyst", Role.ANALYST);
        String dashToken = t.token(dash, Role.ANALYST);
        String own = hex("dash-own"), exploitative = hex("dash-exploitative"), moved = hex("dash-moved").substring(0, 32);
        long bank = node.post(dashToken, "/api/v1/banks", "{\"name\":\"dash-red\",\"distribution\":\"RED\",\"category\":\"C\"}").json().get("id").asLong();
        assertThat(node.post(dashToken, "/api/v1/banks/" + bank + "/entries", "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + own + "\"},"
                + "{\"type\":\"PDQ\",\"value\":\"" + exploitative + "\",\"category\":\"EXPLOITATIVE\"},"
                + "{\"type\":\"MD5\",\"value\":\"" + moved + "\",\"category\":\"A\",\"distribution\":\"GREEN\"}]}").status()).isEqualTo(200);
        // Re-categorised: counted under B from now on, no longer under A.
        assertThat(node.post(dashToken, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + moved + "\",\"category\":\"B\"}]}").json().get("updated").asInt()).isEqualTo(1);
        Organisation other = t.active("Dash Hotline", OrganisationKind.HOTLINE);
        String otherToken = t.token(other, Role.ANALYST);
        long hiddenBank = node.post(otherToken, "/api/v1/banks", "{\"name\":\"dash-hidden\",\"distribution\":\"RED\"}").json().get("id").asLong();
        String hidden = hex("dash-hidden");
        node.post(otherToken, "/api/v1/banks/" + hiddenBank + "/entries", "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + hidden + "\"}]}");
        // Today: 5 hashes in 2 requests, 2 with a match it may see (its own, the operator's AMBER), 1 hit only, 2 nothing.
        assertThat(node.post(dashToken, "/api/v1/match", "{\"hashes\":[" + pdqs(own, AMBER_HASH, hidden, UNKNOWN_HASH) + "]}").status()).isEqualTo(200);
        assertThat(node.post(dashToken, "/api/v1/match", "{\"hashes\":[" + pdqs(hex("dash-unknown")) + "]}").status()).isEqualTo(200);
        node.services.matchDays().flush();
        JsonNode counts = node.get(dashToken, "/api/v1/statistics/entries").json().get("counts");
        String today = node.clock.instant().toString().substring(0, 10);

        Page page = signIn("dash-analyst");
        go(page, "dashboard", "Dashboard");
        Locator entries = page.locator("figure.chart", new Page.LocatorOptions().setHasText("Visible entries by category and distribution"));
        assertThat(entries.locator(":scope > svg[role=img]")).isVisible();
        entries.getByText("Numbers").click();
        Locator rows = entries.locator("table tbody tr");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^EXPLOITATIVE")))).hasText(
                row("EXPLOITATIVE", count(counts, "EXPLOITATIVE", "GREEN"), count(counts, "EXPLOITATIVE", "AMBER"), 1));
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^C")))).hasText(
                row("C", count(counts, "C", "GREEN"), count(counts, "C", "AMBER"), 1));
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^B")))).hasText(
                row("B", count(counts, "B", "GREEN"), count(counts, "B", "AMBER"), 0));
        assertThat(count(counts, "B", "GREEN")).as("the moved entry counts under B").isGreaterThanOrEqualTo(2);
        assertThat(count(counts, "A", "GREEN")).as("and no longer under A").isZero();
        assertThat(rows.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^A")))).hasText(
                row("A", 0, count(counts, "A", "AMBER"), 0));

        Locator lookups = page.locator("section", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Lookups"))));
        assertThat(lookups.locator(".cards")).containsText("5hashes looked up, last 30 days");
        assertThat(lookups.locator(".cards")).containsText("2with a match you may see");
        assertThat(lookups.locator(".cards")).containsText("1answered hit/no-hit only");
        Locator perDay = lookups.locator("figure.chart", new Locator.LocatorOptions().setHasText("looked up per day"));
        assertThat(perDay.locator(":scope > svg[role=img] desc")).hasText(today + ": 2 with a match you may see, 1 hit/no-hit only, 2 no match; nothing on the other days.");
        perDay.getByText("Numbers").click();
        assertThat(perDay.locator("table tbody tr")).hasText(new String[] {today + "2125"});
        screenshot(page, "dashboard-statistics");
    }

    private static String row(String category, long green, long amber, long red) {
        return category + green + amber + red + (green + amber + red);
    }

    private static long count(JsonNode counts, String category, String distribution) {
        long n = 0;
        for (JsonNode c : counts) if (c.get("category").asText().equals(category) && c.get("distribution").asText().equals(distribution)) n += c.get("entries").asLong();
        return n;
    }

    private static String pdqs(String... hashes) {
        return String.join(",", java.util.Arrays.stream(hashes).map(h -> "{\"type\":\"PDQ\",\"value\":\"" + h + "\"}").toList());
    }

    /** A PDQ-length hash that is ~128 bits from any other: SHA-256 of a seed. */
    private static String hex(String seed) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aWrongPasswordIsRefusedAndFiveLockTheAccount() {
        Page page = newPage();
        page.navigate(base + "/login.html");
        screenshot(page, "sign-in");
        for (int i = 0; i < 5; i++) {
            page.getByLabel("Login").fill("lock-me");
            page.getByLabel("Password").fill("not the password " + i);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Wrong login or password");
        }
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("locked");
        assertThat(page).hasURL(Pattern.compile(".*/login\\.html.*"));
        // Past the lock (and the per-address cool-down), the right password signs in.
        node.clock.advance(Duration.ofMinutes(16));
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#who")).containsText("lock-me");
    }

    @Test
    void aLookupShowsVisibleMatchesAndOnlyAContactForTheRest() throws Exception {
        Page page = signIn("hl-analyst");
        go(page, "lookup", "Lookup");
        page.getByLabel("Hashes").fill(GREEN_HASH + "\n" + AMBER_HASH + "\n" + UNKNOWN_HASH + "\n");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up")).click();
        Locator results = page.locator("table.results");
        assertThat(results).containsText("shared-green");
        assertThat(results).containsText("Known to Operator Police");
        assertThat(page.locator("#lookup-summary")).containsText("3 hashes looked up: 1 with matches you can see, 1 known only to others (hit/no-hit), 1 not known");
        assertThat(results).not().containsText(AMBER_BANK);
        assertThat(results).not().containsText(AMBER_LABEL);
        screenshot(page, "lookup");

        Path image = TESTDATA.resolve("pdq/images/reg-test-input/dih/bridge-2-rotate-90.jpg");
        assumeTrue(Files.isRegularFile(image), "shared test data missing");
        page.getByLabel("Images").setInputFiles(image);
        assertThat(page.locator("table.results")).containsText("bridge-2-rotate-90.jpg");
        assertThat(page.locator("table.results")).containsText("Known to Operator Police");
        assertThat(page.locator("main img")).hasCount(0);
    }

    @Test
    void anAnalystImportsFilesOfSeveralFormatsEachAllOrNothingWithProgress() {
        Page page = signIn("hl-analyst");
        go(page, "banks", "Banks");
        page.getByLabel("Name").fill("hotline-imports");
        page.getByLabel("Default distribution").selectOption("GREEN");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create bank")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("hotline-imports")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bank \u201chotline-imports\u201d"))).isVisible();
        Locator file = page.getByLabel("File", new Page.GetByLabelOptions().setExact(true));
        Locator format = page.getByLabel("Format").last();
        Locator importButton = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"));

        // A bad line past the first thousand: the node had written those inside the transaction before it refused the file.
        file.setInputFiles(new FilePayload("hashes-bad.csv", "text/csv", csv(2500, 1500).getBytes(StandardCharsets.UTF_8)));
        assertThat(format).hasValue("csv");
        importButton.click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Nothing was imported from hashes-bad.csv: line 1501: value:");
        assertThat(page.locator("main")).containsText("No entries you may see in this bank yet");
        assertThat(page.locator("progress")).isHidden();
        screenshot(page, "import-refused");
        assertThat(visibleEntries("hotline-imports")).as("nothing of the bad file").isZero();

        file.setInputFiles(new FilePayload("hashes.csv", "text/csv", csv(2500, -1).getBytes(StandardCharsets.UTF_8)));
        importButton.click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Imported")))
                .containsText("Imported hashes.csv (csv, ");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Imported"))).containsText("2,500 added, 0 updated, 0 unchanged");
        assertThat((Boolean) page.locator("progress").evaluate("p => p.hasAttribute('value') && p.value === p.max")).as("the progress bar is full").isTrue();
        assertThat(page.locator("table")).containsText("file 0, quoted");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next page"))).isVisible();
        screenshot(page, "bank");
        assertThat(visibleEntries("hotline-imports")).isEqualTo(2500);

        StringBuilder pdq = new StringBuilder("# a partner's PDQ list\n");
        for (int i = 0; i < 3; i++) pdq.append(String.format("%064x", 0xabc0 + i)).append(",100,partner-").append(i).append(".jpg\n");
        file.setInputFiles(new FilePayload("partner-list.txt", "text/plain", pdq.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(format).hasValue("pdq");
        importButton.click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Imported")))
                .containsText("Imported partner-list.txt (pdq, ");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Imported"))).containsText("3 added");

        String vics = "{\"odata.metadata\":\"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media\",\"value\":["
                + "{\"MediaID\":1,\"MD5\":\"" + "AB".repeat(16) + "\",\"Category\":2,\"IsPrecategorized\":true,\"Series\":\"vics-series\"},"
                + "{\"MediaID\":2,\"MD5\":\"" + "CD".repeat(16) + "\",\"Category\":null,\"IsPrecategorized\":false}]}";
        file.setInputFiles(new FilePayload("griffeye-export.json", "application/json", vics.getBytes(StandardCharsets.UTF_8)));
        // A .json file could be VICS or STIX: the node recognises which.
        assertThat(format).hasValue("");
        importButton.click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Imported")))
                .containsText("Imported griffeye-export.json (vics, ");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Imported"))).containsText("2 added");
        assertThat(page.locator("main .lead")).containsText("2,505 visible entries");
        screenshot(page, "import-formats");
        assertThat(visibleEntries("hotline-imports")).isEqualTo(2505);
        go(page, "banks", "Banks");
        assertThat(page.locator("table")).containsText("hotline-imports");
        assertThat(page.locator("table tr", new Page.LocatorOptions().setHasText("hotline-imports"))).containsText("2,505");
        screenshot(page, "banks");
    }

    /** Our CSV with {@code rows} rows, the one numbered {@code bad} (from 1; -1 for none) holding a value that is no MD5. */
    private static String csv(int rows, int bad) {
        StringBuilder csv = new StringBuilder("type,value,category,label\n");
        for (int i = 1; i <= rows; i++) {
            csv.append("MD5,").append(i == bad ? "not-a-hash" : String.format("%032x", i)).append(",C,\"file ").append(i - 1).append(", quoted\"\n");
        }
        return csv.toString();
    }

    /** The bank's entries as another organisation sees them; a bank it sees no entry of is not listed to it at all. */
    private long visibleEntries(String bankName) {
        for (var bank : node.get(operatorAdmin, "/api/v1/banks").json().get("banks")) {
            if (bank.get("name").asText().equals(bankName)) return bank.get("visibleEntries").asLong();
        }
        return 0;
    }

    @Test
    void entriesAreConfirmedDisputedRetractedAndExportedFromTheBankPages() throws Exception {
        long bank = node.post(operatorAdmin, "/api/v1/banks", "{\"name\":\"opinions-green\",\"distribution\":\"GREEN\"}").json().get("id").asLong();
        node.post(operatorAdmin, "/api/v1/banks/" + bank + "/entries", "{\"entries\":[{\"type\":\"MD5\",\"value\":\"" + "ab".repeat(16)
                + "\",\"label\":\"to-confirm\"},{\"type\":\"MD5\",\"value\":\"" + "cd".repeat(16) + "\",\"label\":\"to-dispute\"}]}");
        Page hotline = signIn("hl-analyst");
        hotline.onDialog(dialog -> dialog.accept("not what it says"));
        hotline.navigate(base + "/#/banks/" + bank);
        Locator confirmRow = hotline.locator("tr", new Page.LocatorOptions().setHasText("to-confirm"));
        confirmRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Confirm entry"))).click();
        Locator disputeRow = hotline.locator("tr", new Page.LocatorOptions().setHasText("to-dispute"));
        disputeRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Dispute entry"))).click();
        assertThat(hotline.locator("#status")).containsText("Dispute done");
        assertThat(hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Retract")))).hasCount(0);

        Page owner = signIn("ops-admin");
        owner.onDialog(dialog -> dialog.accept());
        owner.navigate(base + "/#/banks/" + bank);
        owner.locator("tr", new Page.LocatorOptions().setHasText("to-dispute")).getByRole(AriaRole.LINK).first().click();
        assertThat(owner.locator("main table").last()).containsText("not what it says");
        assertThat(owner.locator("main table").last()).containsText("DISPUTE");
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Retract entry"))).click();
        assertThat(owner.locator("main table").first()).containsText("RETRACTED");
        go(owner, "notifications", "Notifications");
        assertThat(owner.locator("table")).containsText("Entry disputed");
        assertThat(owner.locator("table")).containsText("Entry confirmed");

        owner.navigate(base + "/#/banks/" + bank);
        owner.getByLabel("Format").first().selectOption("csv");
        com.microsoft.playwright.Download download = owner.waitForDownload(() ->
                owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export")).click());
        assertThat(download.suggestedFilename()).isEqualTo("opinions-green.csv");
        assertThat(Files.readString(download.path())).contains("ab".repeat(16)).contains("to-confirm");
    }

    @Test
    void theBoardApprovesAnApplicationAndTheNodesAdminRecordsTheAgreement() {
        long id = node.post(null, "/api/v1/organisations", "{\"name\":\"FR Hotline\",\"kind\":\"HOTLINE\",\"country\":\"FR\",\"contact\":\"r@fr.example\"}")
                .json().get("id").asLong();
        Page board = signIn("ops-board");
        go(board, "membership", "Membership");
        Locator row = board.locator("tr", new Page.LocatorOptions().setHasText("FR Hotline"));
        assertThat(row).containsText("APPLIED");
        assertThat(row).containsText("0 for, 0 against, 1 needed");
        screenshot(board, "membership");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve FR Hotline")).click();
        assertThat(board.locator("tr", new Page.LocatorOptions().setHasText("FR Hotline"))).containsText("APPROVED");

        Page admin = signIn("ops-admin");
        go(admin, "membership", "Membership");
        Locator approved = admin.locator("tr", new Page.LocatorOptions().setHasText("FR Hotline"));
        approved.getByLabel("Agreement version").fill("2026-1");
        approved.getByLabel("Signatory").fill("Jeanne Martin");
        approved.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record agreement")).click();
        assertThat(admin.locator("tr", new Page.LocatorOptions().setHasText("FR Hotline"))).containsText("ACTIVE");
        assertThat(node.get(operatorAdmin, "/api/v1/organisations/" + id).json().get("state").asText()).isEqualTo("ACTIVE");
        go(admin, "audit", "Audit");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the chain")).click();
        assertThat(admin.locator("main")).containsText("Intact");
        assertThat(admin.locator("table")).containsText("organisation.vote");
        assertThat(admin.locator("table")).containsText("ops-board");
        screenshot(admin, "audit");
    }

    @Test
    void partnerUsersReachTheAmberEntryThroughNoPage() {
        // The NL police report a picture hosted in DE that matches the AMBER entry: they see the entry, and the report is
        // routed to the DE hotline (a partner), which must get only a hit naming the owner.
        LiveNode.Reply made = node.post(nlPoliceAnalyst, "/api/v1/reports", "{\"url\":\"https://files.example.de/amber\",\"hashes\":[{\"type\":\"PDQ\",\"value\":\""
                + AMBER_HASH + "\"}],\"source\":\"PARTNER\",\"hostingCountry\":\"DE\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long report = made.json().get("id").asLong();
        LiveNode.Reply assessed = node.post(nlPoliceAnalyst, "/api/v1/reports/" + report + "/assessment", "{\"illegal\":true,\"category\":\"A\"}");
        assertThat(assessed.body()).as("the police see the AMBER entry itself").contains(AMBER_BANK).contains("DE Hotline");

        for (String login : List.of("ind-viewer", "ngo-analyst", "ind-admin", "hl-analyst")) {
            Page page = signIn(login);
            List<String> seen = new ArrayList<>();
            go(page, "dashboard", "Dashboard");
            seen.add(page.locator("body").innerText());
            go(page, "banks", "Banks");
            seen.add(page.locator("body").innerText());
            page.navigate(base + "/#/banks/" + amberBank);
            assertThat(page.locator("main")).containsText("No bank " + amberBank + " that you may see");
            seen.add(page.locator("body").innerText());
            page.navigate(base + "/#/entries/" + amberEntry);
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Not found");
            seen.add(page.locator("body").innerText());
            go(page, "lookup", "Lookup");
            page.getByLabel("Hashes").fill(AMBER_HASH + "\n" + CASE_HASH);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up")).click();
            assertThat(page.locator("table.results")).containsText("Known to Operator Police");
            seen.add(page.locator("body").innerText());
            go(page, "notifications", "Notifications");
            seen.add(page.locator("body").innerText());
            go(page, "membership", "Membership");
            seen.add(page.locator("body").innerText());
            go(page, "audit", "Audit");
            assertThat(page.locator("main")).containsText("Only the node\u2019s administrators");
            assertThat(page.locator("#nav a[data-page=audit]")).isHidden();
            seen.add(page.locator("body").innerText());
            go(page, "reports", "Reports");
            for (String tab : List.of("Made by us", "Routed to us")) {
                page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tab)).click();
                assertThat(page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tab))).hasAttribute("aria-selected", "true");
                assertThat(page.locator("main .loading")).hasCount(0);
                seen.add(page.locator("body").innerText());
            }
            page.navigate(base + "/#/reports/" + report);
            if (login.equals("hl-analyst")) {
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Report #" + report))).isVisible();
                assertThat(page.locator("table.results")).containsText("Known to Operator Police");
            } else {
                assertThat(page.getByRole(AriaRole.ALERT)).containsText("Not found");
            }
            seen.add(page.locator("body").innerText());
            go(page, "reports/statistics", "Time to removal");
            seen.add(page.locator("body").innerText());
            go(page, "cases", "Cases");
            assertThat(page.locator("main")).containsText("Cases are for law-enforcement members");
            seen.add(page.locator("body").innerText());
            page.navigate(base + "/#/cases/series/amber-series");
            assertThat(page.locator("main")).containsText("Cases are for law-enforcement members");
            seen.add(page.locator("body").innerText());
            go(page, "webhooks", "Webhooks");
            assertThat(page.locator("#nav a[data-page=webhooks]")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                    .setVisible(login.equals("ind-admin")));
            seen.add(page.locator("body").innerText());
            for (String text : seen) {
                for (String secret : AMBER_ONLY) assertThat(text).as(login).doesNotContain(secret);
            }
            if (login.equals("ind-viewer")) screenshot(page, "audit-refused");
            if (login.equals("ngo-analyst")) {
                go(page, "cases", "Cases");
                screenshot(page, "cases-partner");
            }
        }
        Page page = signIn("ind-viewer");
        go(page, "notifications", "Notifications");
        screenshot(page, "notifications");
    }

    /** The hotline reports a URL hosted in NL; the NL police work it from their incoming queue; the hotline confirms. */
    @Test
    void aHotlineReportIsRoutedToTheNlPoliceTakenDownConfirmedAndCountedInTheStatistics() {
        Page hotline = signIn("hl-analyst");
        go(hotline, "reports", "Reports");
        assertThat(hotline.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Made by us"))).hasAttribute("aria-selected", "true");
        hotline.getByLabel("URL (optional)").fill("https://files.example.nl/upload/123");
        hotline.getByLabel("Hashes (optional)").fill(GREEN_HASH + "\n" + AMBER_HASH + "\n");
        hotline.getByLabel("Hosting country").fill("nl");
        hotline.getByLabel("Uploader country (optional)").fill("DE");
        String thirtyHoursAgo = LocalDateTime.ofInstant(node.clock.instant().minus(Duration.ofHours(30)), ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        hotline.getByLabel("Reported at (empty: now)").fill(thirtyHoursAgo);
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make report")).click();
        Locator heading = hotline.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Report #\\d+$")).setLevel(1));
        assertThat(heading).isVisible();
        long id = Long.parseLong(heading.innerText().replace("Report #", "").strip());
        assertThat(hotline.locator("main .lead")).containsText("RECEIVED");
        assertThat(hotline.locator("main")).containsText("Its hashes are matched when the report is assessed");

        hotline.getByLabel("Category").selectOption("A");
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record assessment")).click();
        assertThat(hotline.locator("main .lead")).containsText("ROUTED");
        assertThat(hotline.locator("main")).containsText("Assessed and routed.");
        assertThat(hotline.locator("table", new Page.LocatorOptions().setHasText("Routed to"))).containsText("NL Police");
        Locator results = hotline.locator("table.results");
        assertThat(results).containsText("shared-green");
        assertThat(results).containsText("Known to Operator Police");
        assertThat(results).not().containsText(AMBER_BANK);
        assertThat(hotline.locator("main a[href^='http']")).hasCount(0);
        screenshot(hotline, "report");

        Page police = signIn("nl-analyst");
        go(police, "reports", "Reports");
        assertThat(police.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Routed to us"))).hasAttribute("aria-selected", "true");
        police.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Made by us")).click();
        assertThat(police.getByRole(AriaRole.TABPANEL)).not().containsText("Report #" + id);
        police.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Made by us")).press("ArrowRight");
        assertThat(police.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Routed to us"))).isFocused();
        Locator row = police.locator("table.reports tr", new Page.LocatorOptions().setHasText("Report #" + id));
        assertThat(row).containsText("ROUTED");
        assertThat(row).containsText("DE Hotline");
        assertThat(row).containsText("files.example.nl");
        police.getByLabel("State").selectOption("REMOVED");
        assertThat(police.getByRole(AriaRole.TABPANEL)).containsText("No report in state REMOVED");
        police.getByLabel("State").selectOption("ROUTED");
        assertThat(row).isVisible();
        screenshot(police, "reports");
        row.getByRole(AriaRole.LINK).click();
        assertThat(police.locator("main .lead")).containsText("routed to your organisation by DE Hotline");
        assertThat(police.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record assessment"))).hasCount(0);
        police.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record: Notice sent")).click();
        assertThat(police.locator("main .lead")).containsText("NOTICE SENT");
        police.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record: Removed")).click();
        assertThat(police.locator("main .lead")).containsText("REMOVED");
        assertThat(police.locator("#time-to-removal")).containsText("30 h");

        hotline.reload();
        assertThat(hotline.locator("main .lead")).containsText("REMOVED");
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record: Removal confirmed")).click();
        assertThat(hotline.locator("main .lead")).containsText("REMOVAL CONFIRMED");
        Locator steps = hotline.locator("table", new Page.LocatorOptions().setHasText("Removal confirmed"));
        assertThat(steps.locator("tr", new Locator.LocatorOptions().setHasText("Removed"))).containsText("NL Police (nl-analyst)");
        assertThat(steps.locator("tr", new Locator.LocatorOptions().setHasText("Removal confirmed"))).containsText("DE Hotline (hl-analyst)");

        go(hotline, "reports/statistics", "Time to removal");
        assertThat(hotline.locator("#statistics .cards")).containsText("30 h");
        assertThat(hotline.locator("table.statistics")).containsText("NL");
        assertThat(hotline.locator("#statistics figure.chart svg").first()).isVisible();
        screenshot(hotline, "report-statistics");
        hotline.getByLabel("Over").selectOption("readable");
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
        assertThat(hotline.locator("table.statistics")).containsText("NL");
        go(hotline, "dashboard", "Dashboard");
        assertThat(hotline.locator("figure.chart", new Page.LocatorOptions().setHasText("Your reports by state")).locator("svg")).isVisible();
        assertThat(hotline.locator("section", new Page.LocatorOptions().setHasText("median time to removal")).locator(".cards")).containsText("30 h");
        screenshot(hotline, "dashboard-reports");
    }

    /** A report no police holds the jurisdiction for is routed again once one does; a report not illegal is final. */
    @Test
    void aReportWithoutARouteIsRoutedAgainAndOneNotIllegalGoesNowhere() {
        Page hotline = signIn("hl-analyst");
        go(hotline, "reports", "Reports");
        hotline.getByLabel("URL (optional)").fill("files.example.be/a");
        hotline.getByLabel("Hosting country").fill("BE");
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make report")).click();
        assertThat(hotline.locator("main").getByRole(AriaRole.ALERT)).containsText("url: must be absolute");
        hotline.getByLabel("URL (optional)").fill("");
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make report")).click();
        assertThat(hotline.locator("main").getByRole(AriaRole.ALERT)).containsText("Give a URL, hashes, or both.");
        hotline.getByLabel("URL (optional)").fill("https://cdn.example.be/a");
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make report")).click();
        assertThat(hotline.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Report #\\d+$")))).isVisible();
        assertThat(hotline.locator("main")).containsText("The report has no hashes");
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record assessment")).click();
        assertThat(hotline.locator("main .lead")).containsText("ASSESSED");
        assertThat(hotline.locator("main .warning")).containsText("no ACTIVE law-enforcement organisation holds jurisdiction for BE");
        assertThat(hotline.locator("main")).containsText("Takedown starts once the report is routed.");

        node.taskforce.organisations.setJurisdictions(nlPolice.id(), List.of("NL", "BE"));
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Route again")).click();
        assertThat(hotline.locator("main .lead")).containsText("ROUTED");
        assertThat(hotline.locator("table", new Page.LocatorOptions().setHasText("Routed to"))).containsText("NL Police");
        assertThat(hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record: Notice sent"))).isVisible();

        go(hotline, "reports", "Reports");
        hotline.getByLabel("Hashes (optional)").fill("md5:" + "0f".repeat(16));
        hotline.getByLabel("Hosting country").fill("NL");
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make report")).click();
        hotline.getByLabel("Not illegal").check();
        assertThat(hotline.getByLabel("Category")).isHidden();
        hotline.getByLabel("Reason").fill("a legal adult site");
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record assessment")).click();
        assertThat(hotline.locator("main .lead")).containsText("NOT ILLEGAL");
        assertThat(hotline.locator("main table.facts").last()).containsText("a legal adult site");
        assertThat(hotline.locator("main")).containsText("Not routed: assessed not illegal.");
        assertThat(hotline.locator("main")).containsText("No takedown: assessed not illegal.");
        assertThat(hotline.locator("table.results")).containsText("No match");
        assertThat(hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Route again"))).hasCount(0);
    }

    /** Two police forces link the same picture to their cases: both are alerted; a series is marked victim-identified. */
    @Test
    void twoPoliceForcesCasesOnTheSamePictureAlertEachOtherAndTheSeriesMarkShowsOnLookups() {
        long bank = node.post(operatorAdmin, "/api/v1/banks", "{\"name\":\"" + CASE_BANK + "\",\"distribution\":\"AMBER\",\"category\":\"A\"}").json().get("id").asLong();
        node.post(operatorAdmin, "/api/v1/banks/" + bank + "/entries", "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + CASE_HASH + "\",\"series\":\"" + CASE_SERIES + "\"}]}");

        Page alpha = signIn("ops-analyst");
        go(alpha, "cases", "Cases");
        alpha.getByLabel("Title").fill(CASE_TITLE);
        alpha.getByLabel("Reference (optional)").fill("A-2026-17");
        alpha.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();
        assertThat(alpha.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Case \u201c" + CASE_TITLE + "\u201d"))).isVisible();
        assertThat(alpha.locator("main")).containsText("No deconfliction alert for this case");
        alpha.getByLabel("Hashes to link").fill(CASE_HASH);
        alpha.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link hashes")).click();
        assertThat(alpha.locator("main").getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("linked"))).containsText("1 hash linked, 0 already linked.");
        assertThat(alpha.locator("table.case-hashes")).containsText(CASE_HASH);

        Page tulip = signIn("nl-analyst");
        go(tulip, "cases", "Cases");
        tulip.getByLabel("Title").fill("Operation Tulip");
        tulip.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open case")).click();
        assertThat(tulip.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Case \u201cOperation Tulip\u201d"))).isVisible();
        String nearby = flip(CASE_HASH, 4);
        tulip.getByLabel("Hashes to link").fill(nearby);
        tulip.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link hashes")).click();
        assertThat(tulip.locator("main").getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("linked")))
                .containsText("1 other organisation alerted (deconfliction)");
        Locator alert = tulip.locator(".deconfliction", new Page.LocatorOptions().setHasText(nearby));
        assertThat(alert).containsText("Operator Police");
        assertThat(alert).containsText("a case of theirs touches your case");
        assertThat(alert).containsText(nearby);
        assertThat(tulip.locator(".deconfliction", new Page.LocatorOptions().setHasText(CASE_HASH))).hasCount(0);
        tulip.getByLabel("Series to link").fill(CASE_SERIES);
        tulip.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link series")).click();
        assertThat(tulip.locator("table.case-series")).containsText(CASE_SERIES);
        screenshot(tulip, "case");
        tulip.locator("table.case-series").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(CASE_SERIES)).click();
        assertThat(tulip.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Series \u201c" + CASE_SERIES + "\u201d"))).isVisible();
        tulip.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark victim identified")).click();
        assertThat(tulip.locator("main table.facts")).containsText("Identified by NL Police");
        assertThat(tulip.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove our mark"))).isVisible();
        screenshot(tulip, "series");

        alpha.reload();
        Locator told = alpha.locator(".deconfliction", new Page.LocatorOptions().setHasText(CASE_HASH));
        assertThat(told).containsText("NL Police");
        assertThat(told).containsText("a case of theirs touches your case");
        assertThat(alpha.locator(".deconfliction", new Page.LocatorOptions().setHasText(nearby))).hasCount(0);
        alpha.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close case")).click();
        assertThat(alpha.locator("main .lead")).containsText("CLOSED");
        assertThat(alpha.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Link hashes"))).hasCount(0);
        alpha.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reopen case")).click();
        assertThat(alpha.locator("main .lead")).containsText("OPEN");
        go(alpha, "cases", "Cases");
        assertThat(alpha.locator("table.cases")).containsText(CASE_TITLE);
        assertThat(alpha.locator("ul.alerts")).containsText("NL Police");
        screenshot(alpha, "cases");
        alpha.navigate(base + "/#/cases/series/" + CASE_SERIES);
        assertThat(alpha.locator("main table.facts")).containsText("Identified by NL Police");
        assertThat(alpha.locator("main table.facts")).containsText("Your cases linking it");
        assertThat(alpha.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove our mark"))).hasCount(0);

        go(alpha, "notifications", "Notifications");
        assertThat(alpha.locator("tr.deconfliction-row").first()).containsText("NL Police");
        assertThat(alpha.locator(".warning")).containsText("deconfliction alert");
        alpha.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show only deconfliction alerts")).click();
        assertThat(alpha.getByLabel("Show")).hasValue("DECONFLICTION");
        assertThat(alpha.locator("main tbody tr").first()).hasClass(Pattern.compile("deconfliction-row"));
        screenshot(alpha, "notifications-deconfliction");

        go(alpha, "lookup", "Lookup");
        alpha.getByLabel("Hashes").fill(CASE_HASH);
        alpha.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up")).click();
        Locator match = alpha.locator("table.results tr", new Page.LocatorOptions().setHasText(CASE_BANK));
        assertThat(match).containsText("Series " + CASE_SERIES);
        assertThat(match).containsText("Victim identified by NL Police");

        Page hotline = signIn("hl-analyst");
        go(hotline, "lookup", "Lookup");
        hotline.getByLabel("Hashes").fill(CASE_HASH);
        hotline.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up")).click();
        Locator hit = hotline.locator("table.results tr.hit");
        assertThat(hit).containsText("Known to Operator Police");
        assertThat(hit).containsText("Victim identified by NL Police");
        assertThat(hotline.locator("table.results")).not().containsText(CASE_SERIES);
    }

    /** An organisation's ADMIN registers a webhook, sees its secret once, rotates it, and retries a dead letter. */
    @Test
    void anAdminRegistersAWebhookRotatesItsSecretAndRetriesADeadLetter() {
        Page admin = signIn("ind-admin");
        go(admin, "webhooks", "Webhooks");
        admin.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/vgtx");
        admin.getByLabel("Description (optional)").fill("SOC intake");
        admin.getByLabel("Only these kinds:").check();
        admin.getByLabel("Entry confirmed (ENTRY_CONFIRMED)").check();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register webhook")).click();
        Locator secret = admin.getByLabel("Signing secret");
        assertThat(secret).hasValue(Pattern.compile("^vgtx_whsec_.+"));
        String first = secret.inputValue();
        Locator row = admin.locator("table.webhooks tr", new Page.LocatorOptions().setHasText("SOC intake"));
        assertThat(row).containsText("Entry confirmed");
        assertThat(row).containsText("http://127.0.0.1:9/vgtx");
        screenshot(admin, "webhooks");
        admin.onDialog(dialog -> dialog.accept());
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Rotate secret"))).click();
        assertThat(admin.locator(".secret")).containsText("New signing secret");
        assertThat(secret).not().hasValue(first);
        String second = secret.inputValue();
        admin.reload();
        assertThat(admin.locator("table.webhooks")).containsText("SOC intake");
        assertThat(admin.getByLabel("Signing secret")).hasCount(0);
        assertThat(admin.locator("body")).not().containsText(first);
        assertThat(admin.locator("body")).not().containsText(second);
        assertThat(admin.locator("section", new Page.LocatorOptions().setHasText("Deliveries"))).containsText("No dead letters");

        // Nothing listens on port 9: every attempt fails, and after the last the delivery is a dead letter.
        node.taskforce.notifications.notify("Example Platform", NotificationKind.ENTRY_CONFIRMED, "entry:1", Map.of("by", "Operator Police"));
        for (int i = 0; i < 12; i++) {
            node.services.webhookDelivery().runDue();
            node.clock.advance(Duration.ofHours(1));
        }
        Page again = signIn("ind-admin");
        again.onDialog(dialog -> dialog.accept());
        go(again, "webhooks", "Webhooks");
        Locator dead = again.locator("table.deliveries");
        assertThat(dead).containsText("DEAD");
        assertThat(dead).containsText("Entry confirmed");
        assertThat(dead).containsText("127.0.0.1:9");
        screenshot(again, "webhook-dead-letters");
        dead.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Retry delivery"))).first().click();
        assertThat(again.locator("main")).containsText("No dead letters");
        again.getByLabel("Show").selectOption("PENDING");
        assertThat(again.locator("table.deliveries")).containsText("PENDING");
        again.locator("table.webhooks").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Delete webhook"))).click();
        assertThat(again.locator("main")).containsText("No webhooks yet");

        Page viewer = signIn("ind-viewer");
        assertThat(viewer.locator("#nav a[data-page=webhooks]")).isHidden();
        go(viewer, "webhooks", "Webhooks");
        assertThat(viewer.locator("main")).containsText("Only your organisation\u2019s ADMINs manage its webhooks");
    }

    private static String flip(String hex, int bits) {
        BigInteger value = new BigInteger(hex, 16);
        for (int i = 0; i < bits; i++) value = value.flipBit(255 - i);
        return String.format("%064x", value);
    }
}
