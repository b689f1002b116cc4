package dev.triageapi.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference intake page at {@code GET /}, driven in a real headless Chromium: Debian's {@code chromium} and
 * {@code chromium-driver} at fixed paths, so Selenium Manager never runs and nothing is downloaded. Skipped, with a
 * message, only when one of the two is not installed ({@code .ci/run} installs them with apt-get).
 */
@QuarkusTest
class IntakePageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * The README's picture of the page, written again when the test runs with {@code -Dscreenshots.update=true} (after
     * a change to the page): not on every run, where font rendering alone would change the file.
     */
    private static final Path README_SCREENSHOT = Path.of("docs", "screenshot-intake.png");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Dimension DESKTOP = new Dimension(1366, 1000);
    private static final Dimension PHONE = new Dimension(375, 812);

    private static ChromeDriverService service;
    private static WebDriver driver;
    private static Path profile;

    @TestHTTPResource("/")
    URL page;

    /** Skips, with the reason, only when Chromium or its driver is not installed; starts the browser once. */
    private static void startBrowserOrSkip() throws IOException {
        List<String> missing = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p))
                .map(Path::toString).toList();
        if (!missing.isEmpty()) {
            String reason = "Browser test of the intake page SKIPPED: " + String.join(" and ", missing)
                    + " not installed. Install Debian's chromium and chromium-driver packages "
                    + "(apt-get install chromium chromium-driver; .ci/run does this) to run it.";
            System.err.println("WARNING: " + reason);
            assumeTrue(false, reason);
        }
        if (driver != null) {
            return;
        }
        profile = Files.createTempDirectory("intake-chromium-");
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--lang=en-US",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @BeforeEach
    void openThePage() throws IOException {
        startBrowserOrSkip();
        driver.manage().window().setSize(DESKTOP);
        driver.get(page.toString());
        waitUntil(ExpectedConditions.attributeToBe(By.id("intake"), "data-ready", "true"));
        assertEquals("Muscle weakness triage: try the API", driver.getTitle());
    }

    @Test
    void suddenOneSidedWeaknessShowsTheAmbulanceBannerAndTheRedFlag() throws IOException {
        driver.findElement(By.id("age")).sendKeys("71");
        tick("s-muscle_weakness");
        choose("s-muscle_weakness-onset", "sudden");
        choose("s-muscle_weakness-side", "left");
        tick("s-muscle_weakness-locations-face");
        tick("s-muscle_weakness-locations-arm");
        driver.findElement(By.id("submit")).click();

        WebElement banner = waitForBanner("emergency_ambulance");
        assertEquals("Emergency: call an ambulance", banner.findElement(By.id("urgency-label")).getText());
        assertTrue(banner.findElement(By.id("urgency-advice")).getText().contains("Call 911 now"),
                "the advice names the configured emergency number");
        WebElement flag = driver.findElement(By.cssSelector("#red-flags li[data-code='stroke_sudden_one_sided_weakness']"));
        assertTrue(flag.getText().contains("possible stroke"), flag.getText());
        assertTrue(flag.getText().contains("Source: "), flag.getText());
        WebElement stroke = driver.findElement(By.cssSelector("#cause-groups li[data-code='stroke']"));
        assertTrue(stroke.getText().contains("serious"), stroke.getText());
        assertTrue(stroke.getText().contains("Matched: Muscle weakness"), stroke.getText());
        assertTrue(driver.findElement(By.id("rules-version")).getText().startsWith("sha256:"));
        assertTrue(driver.findElement(By.id("disclaimer")).getText().contains("not medical advice"));
        assertNothingStored();
        screenshot("intake-ambulance");
    }

    @Test
    void shouldSpeakSpanishThroughoutOnceTheLanguageIsSwitchedAndKeepWhatWasEntered() throws IOException {
        driver.findElement(By.id("age")).sendKeys("71");
        tick("s-muscle_weakness");
        choose("s-muscle_weakness-onset", "sudden");
        choose("page-language", "es");

        // The page's own words, the catalog's labels and the form's built controls all change language.
        waitUntil(d -> "Debilidad muscular".equals(d.findElement(By.cssSelector("label[for='s-muscle_weakness']"))
                .getText().lines().findFirst().orElse("")));
        assertEquals("es", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Triaje de debilidad muscular", driver.findElement(By.tagName("h1")).getText());
        assertEquals("Triaje de debilidad muscular: pruebe la API", driver.getTitle());
        assertEquals("Hacer el triaje", driver.findElement(By.id("submit")).getText());
        assertEquals("No se sabe", new Select(driver.findElement(By.id("s-muscle_weakness-side"))).getFirstSelectedOption().getText());
        // What was entered in English stays.
        assertTrue(driver.findElement(By.id("s-muscle_weakness")).isSelected());
        assertEquals("sudden", new Select(driver.findElement(By.id("s-muscle_weakness-onset"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals("71", driver.findElement(By.id("age")).getAttribute("value"));

        choose("s-muscle_weakness-side", "left");
        driver.findElement(By.id("submit")).click();
        WebElement banner = waitForBanner("emergency_ambulance");
        assertEquals("Urgencia", banner.findElement(By.className("level-kicker")).getDomProperty("textContent"));
        assertEquals("Emergencia: llame a una ambulancia", banner.findElement(By.id("urgency-label")).getText());
        assertTrue(driver.findElement(By.cssSelector("#red-flags")).getText().contains("Fuente: "));
        assertTrue(driver.findElement(By.id("disclaimer")).getText().startsWith("Esta respuesta proviene de reglas automáticas"));
        screenshot("intake-spanish");

        // Back to English: the answer shown is asked for again in English.
        choose("page-language", "en");
        waitUntil(d -> "Emergency: call an ambulance".equals(d.findElement(By.id("urgency-label")).getText()));
        assertEquals("Urgency", driver.findElement(By.className("level-kicker")).getDomProperty("textContent"));
        assertNothingStored();
    }

    @Test
    void ownWordsInSpanishAreTriagedAndWhatWasUnderstoodIsShown() throws IOException {
        driver.findElement(By.id("own-words")).sendKeys("Tengo 70 años. De repente no puedo mover el brazo izquierdo, empezó hace una hora. No tengo fiebre.");
        choose("text-language", "es");
        driver.findElement(By.id("submit")).click();

        waitForBanner("emergency_ambulance");
        WebElement understood = driver.findElement(By.id("understood"));
        assertTrue(understood.findElements(By.cssSelector("li[data-code='paralysis'][data-status='present']")).size() == 1,
                understood.getText());
        assertTrue(understood.findElements(By.cssSelector("li[data-code='fever'][data-status='absent']")).size() == 1,
                understood.getText());
        assertNothingStored();
        screenshot("intake-own-words");
    }

    @Test
    void answeringAFollowUpQuestionPostsAgainAndRaisesTheUrgency() throws IOException {
        driver.findElement(By.id("age")).sendKeys("68");
        tick("s-difficulty_speaking");
        driver.findElement(By.id("submit")).click();

        waitForBanner("emergency");
        WebElement question = driver.findElement(By.cssSelector(
                "#follow-ups li[data-symptom='difficulty_speaking'][data-modifier='onset']"));
        assertTrue(question.getText().contains("suddenly"), question.getText());
        assertTrue(question.getText().contains("Emergency: call an ambulance"), question.getText());
        // A taller window from the top of the page: the whole loop (form, answer, question) in one picture.
        driver.manage().window().setSize(new Dimension(DESKTOP.width, 1200));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot("intake-follow-up-question");
        if (Boolean.getBoolean("screenshots.update")) {
            Files.copy(SCREENSHOTS.resolve("intake-follow-up-question.png"), README_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
        }
        driver.manage().window().setSize(DESKTOP);

        // Answer with the keyboard, as a nurse tabbing through the page would.
        WebElement answer = question.findElement(By.cssSelector("button.answer[data-value='sudden']"));
        answer.sendKeys(Keys.ENTER);

        waitForBanner("emergency_ambulance");
        assertEquals("sudden", new Select(driver.findElement(By.id("s-difficulty_speaking-onset"))).getFirstSelectedOption()
                .getAttribute("value"), "the answer was written into the form");
        assertTrue(driver.findElements(By.id("follow-ups")).isEmpty(), "the question was answered");
        assertFalse(driver.findElements(By.cssSelector("#red-flags li")).isEmpty());
        waitUntil(d -> "result".equals(((JavascriptExecutor) d).executeScript("return document.activeElement.id")));
        screenshot("intake-follow-up-answered");
    }

    @Test
    void shouldDriveTheInterviewOneButtonAtATimeUntilNothingIsLeftToAsk() throws IOException {
        driver.findElement(By.id("age")).sendKeys("45");
        tick("s-muscle_weakness");
        driver.findElement(By.id("submit")).click();

        Set<String> asked = new LinkedHashSet<>();
        for (int step = 0; step < 60 && driver.findElements(By.id("interview-complete")).isEmpty(); step++) {
            WebElement next = waiting().until(d -> d.findElements(By.id("interview-complete")).isEmpty()
                    ? d.findElement(By.cssSelector("#interview-next[data-question]")) : null);
            if (next == null) {
                break;
            }
            String id = next.getAttribute("data-question");
            assertTrue(asked.add(id), "a question answered is not asked again: " + id + " after " + asked);
            assertFalse(next.findElement(By.id("interview-question")).getText().isBlank());
            List<WebElement> buttons = next.findElements(By.cssSelector("button.answer"));
            assertTrue(buttons.stream().anyMatch(b -> "unknown".equals(b.getAttribute("data-answer"))), "'I don't know' is offered");
            // A patient who denies every red flag and cannot say more: "no" where it is offered, else "I don't know".
            WebElement answer = buttons.stream().filter(b -> "no".equals(b.getAttribute("data-answer"))).findFirst()
                    .orElse(buttons.stream().filter(b -> "unknown".equals(b.getAttribute("data-answer"))).findFirst().orElseThrow());
            answer.click();
            waitUntil(d -> {
                try {
                    return !d.findElements(By.id("interview-complete")).isEmpty()
                            || !id.equals(d.findElement(By.id("interview-next")).getAttribute("data-question"));
                } catch (StaleElementReferenceException | NoSuchElementException e) {
                    return false;
                }
            });
        }
        assertFalse(driver.findElements(By.id("interview-complete")).isEmpty(), "the interview ended: " + asked);
        assertTrue(asked.size() >= 5, "a weak-legs complaint opens red-flag questions: " + asked);
        assertTrue(asked.contains("symptom:difficulty_breathing"), asked.toString());
        assertTrue(driver.findElement(By.id("disclaimer")).getText().contains("not medical advice"));
        assertNothingStored();
        screenshot("intake-interview-complete");
    }

    @Test
    void vitalSignsMeasuredByTheNurseRaiseTheUrgencyAndNameNews2() throws IOException {
        driver.findElement(By.id("age")).sendKeys("70");
        tick("s-fatigue");
        choose("s-fatigue-onset", "gradual");
        driver.findElement(By.id("v-respiratoryRate")).sendKeys("26");
        driver.findElement(By.id("v-oxygenSaturation")).sendKeys("91");
        driver.findElement(By.id("v-heartRate")).sendKeys("118");
        driver.findElement(By.id("v-systolicBloodPressure")).sendKeys("98");
        driver.findElement(By.id("submit")).click();

        waitForBanner("emergency_ambulance");
        WebElement flag = driver.findElement(By.cssSelector("#red-flags li[data-code='news2_high']"));
        assertTrue(flag.getText().contains("NEWS2"), flag.getText());
        assertTrue(flag.getText().contains("Royal College of Physicians"), flag.getText());
    }

    @Test
    void aLaboratoryResultEnteredByTheClinicRaisesTheUrgencyAndNamesItsRedFlag() throws IOException {
        driver.findElement(By.id("age")).sendKeys("68");
        tick("s-fatigue");
        choose("s-fatigue-onset", "gradual");
        driver.findElement(By.id("l-potassium")).sendKeys("6.8");
        driver.findElement(By.id("submit")).click();

        waitForBanner("emergency");
        WebElement flag = driver.findElement(By.cssSelector("#red-flags li[data-code='severe_high_potassium']"));
        assertTrue(flag.getText().contains("6.5 mmol/L"), flag.getText());
        assertTrue(flag.getText().contains("UK Kidney Association"), flag.getText());
    }

    @Test
    void answeringTheScreenQuestionsNoReachesSelfCareWithItsSafetyNetting() throws IOException {
        driver.findElement(By.id("age")).sendKeys("27");
        choose("sex", "male");
        tick("s-muscle_pain");
        choose("s-muscle_pain-onset", "gradual");
        choose("s-muscle_pain-severity", "moderate");
        choose("s-muscle_pain-worsening", "false");
        choose("s-muscle_pain-trigger", "exercise");
        driver.findElement(By.id("s-muscle_pain-hoursSinceOnset")).sendKeys("40");
        driver.findElement(By.id("submit")).click();

        waitForBanner("consultation");
        assertEquals(4, driver.findElements(By.cssSelector("#screen-questions li")).size(), "dark urine, fever, numbness, statin");
        screenshot("intake-screen-questions");
        for (int answered = 0; answered < 4; answered++) {
            WebElement no = waitUntil(ExpectedConditions.elementToBeClickable(By.cssSelector("#screen-questions li button.answer")));
            no.sendKeys(Keys.ENTER);
            waitUntil(ExpectedConditions.attributeToBe(By.id("result"), "aria-busy", "false"));
        }
        waitForBanner("self_care");
        WebElement care = driver.findElement(By.id("self-care"));
        assertEquals("exercise_soreness", care.getAttribute("data-pathway"));
        assertTrue(care.getText().contains("urine"), care.getText());
        assertTrue(care.getText().contains("Call 911"), care.getText());
        assertEquals("absent", new Select(driver.findElement(By.id("rf-statin_use"))).getFirstSelectedOption().getAttribute("value"));
        assertNothingStored();
        screenshot("intake-self-care");
    }

    @Test
    void showsTheProblemErrorsOfA400Readably() throws IOException {
        driver.findElement(By.id("age")).sendKeys("130");
        tick("s-muscle_weakness");
        driver.findElement(By.id("submit")).click();

        WebElement problem = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertTrue(problem.getText().contains("400"), problem.getText());
        WebElement ageError = problem.findElement(By.cssSelector("li[data-field='age']"));
        assertTrue(ageError.getText().startsWith("Age: must be less than or equal to 120"), ageError.getText());
        assertEquals("true", driver.findElement(By.id("age")).getAttribute("aria-invalid"));
        ageError.findElement(By.tagName("a")).click();
        assertEquals("age", ((JavascriptExecutor) driver).executeScript("return document.activeElement.id"));
        screenshot("intake-problem");
    }

    @Test
    void isReadableAtPhoneWidthWithALabelOnEveryControl() throws IOException {
        driver.manage().window().setSize(PHONE);
        tick("s-muscle_weakness");
        choose("s-muscle_weakness-onset", "gradual");
        screenshot("intake-phone-form");
        driver.findElement(By.id("submit")).click();
        waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("urgency-banner")));

        JavascriptExecutor js = (JavascriptExecutor) driver;
        long overflow = (Long) js.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0L, overflow, "no horizontal scrolling at 375 px");
        Object unlabelled = js.executeScript("""
                return Array.from(document.querySelectorAll('input, select, button'))
                  .filter(c => !(c.labels && c.labels.length) && !c.textContent.trim() && !c.getAttribute('aria-label'))
                  .map(c => c.id || c.outerHTML);""");
        assertEquals(List.of(), unlabelled, "every control has a label");
        screenshot("intake-phone");
    }

    private static void tick(String id) {
        WebElement box = driver.findElement(By.id(id));
        if (!box.isSelected()) {
            // Checkbox and label are both clickable; the label is what a user clicks.
            driver.findElement(By.cssSelector("label[for='" + id + "']")).click();
        }
        assertTrue(box.isSelected(), id);
    }

    private static void choose(String id, String value) {
        WebElement select = waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        new Select(select).selectByValue(value);
    }

    private static WebElement waitForBanner(String urgency) {
        waitUntil(ExpectedConditions.and(
                ExpectedConditions.attributeToBe(By.id("urgency-banner"), "data-urgency", urgency),
                ExpectedConditions.attributeToBe(By.id("result"), "aria-busy", "false")));
        return driver.findElement(By.id("urgency-banner"));
    }

    /** A wait that looks every 25 ms: Selenium's default of 500 ms cost a second an answer across the interview. */
    private static WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(driver, WAIT).pollingEvery(Duration.ofMillis(25));
    }

    private static <T> T waitUntil(Function<WebDriver, T> condition) {
        // The answer is re-rendered on every post, so an element found a moment ago may be gone: look again.
        return waiting().ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    private static void assertNothingStored() {
        assertEquals(0L, ((JavascriptExecutor) driver).executeScript(
                "return localStorage.length + sessionStorage.length + (document.cookie ? 1 : 0)"));
        assertTrue(driver.manage().getCookies().isEmpty(), "no cookies");
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
