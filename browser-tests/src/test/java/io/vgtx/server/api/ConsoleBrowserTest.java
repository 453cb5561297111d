package io.vgtx.server.api;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.vgtx.core.auth.Role;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * and that partner users (INDUSTRY, NGO) reach an AMBER entry through no page. Screenshots of each main page go to
 * {@code target/screenshots/}.
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

    LiveNode node;
    Playwright playwright;
    Browser browser;
    String base;
    String operatorAdmin;
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

    private void user(long orgId, String login, Role role) {
        LiveNode.Reply created = node.post(operatorAdmin, "/api/v1/organisations/" + orgId + "/users",
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
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860));
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
        assertThat(page.locator("figure.chart svg")).hasCount(3);
        assertThat(page.locator(".cards")).containsText("banks you can see");
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
    void anAnalystCreatesABankAndImportsAFileWithProgress() {
        Page page = signIn("hl-analyst");
        go(page, "banks", "Banks");
        page.getByLabel("Name").fill("hotline-imports");
        page.getByLabel("Default distribution").selectOption("GREEN");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create bank")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("hotline-imports")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bank \u201chotline-imports\u201d"))).isVisible();
        StringBuilder csv = new StringBuilder("type,value,category,label\n");
        for (int i = 0; i < 2500; i++) csv.append("MD5,").append(String.format("%032x", i + 1)).append(",C,\"file ").append(i).append(", quoted\"\n");
        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload("hashes.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        page.getByLabel("Format").last().selectOption("csv");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Imported"))).containsText("Imported 2,500 entries: 2500 added");
        assertThat(page.locator("progress")).hasAttribute("value", "2500");
        assertThat(page.locator("table")).containsText("file 0, quoted");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next page"))).isVisible();
        screenshot(page, "bank");

        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload("bad.csv", "text/csv", "type,value\nMD5,nothex\n".getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("entries[0]");
        go(page, "banks", "Banks");
        assertThat(page.locator("table")).containsText("hotline-imports");
        screenshot(page, "banks");
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
        for (String login : List.of("ind-viewer", "ngo-analyst", "ind-admin")) {
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
            page.getByLabel("Hashes").fill(AMBER_HASH);
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
            for (String text : seen) {
                assertThat(text).as(login).doesNotContain(AMBER_BANK).doesNotContain(AMBER_LABEL).doesNotContain("amber-series");
            }
            if (login.equals("ind-viewer")) screenshot(page, "audit-refused");
        }
        Page page = signIn("ind-viewer");
        go(page, "notifications", "Notifications");
        screenshot(page, "notifications");
        go(page, "reports", "Reports");
        assertThat(page.locator("main")).containsText("Coming.");
        go(page, "cases", "Cases");
        assertThat(page.locator("main")).containsText("Coming.");
    }
}
