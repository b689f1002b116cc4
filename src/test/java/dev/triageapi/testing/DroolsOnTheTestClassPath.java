package dev.triageapi.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * Starts Drools once on the test class path before any test runs. Drools finds its services through the thread's
 * context class loader the first time it needs each; after a {@code @QuarkusTest}, the test thread's context loader is
 * Quarkus', whose copies of those services are not the test class path's, and a plain rules test that happens to run
 * next in the same JVM fails to open a session ("not a subtype"). Which test runs first depends on the file system's
 * order, so the services are found here, with the test class path's loader, whatever the order.
 */
public final class DroolsOnTheTestClassPath implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        ClassLoader tests = DroolsOnTheTestClassPath.class.getClassLoader();
        thread.setContextClassLoader(tests);
        try {
            KieServices kie = KieServices.Factory.get();
            ReleaseId id = kie.newReleaseId("dev.triageapi", "test-warm-up", "1.0.0");
            KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(id)
                    .write("src/main/resources/warmup/warmup.drl", """
                            package warmup;
                            rule "Any string"
                            when
                                String()
                            then
                                insertLogical(Integer.valueOf(1));
                            end
                            """);
            KieBuilder built = kie.newKieBuilder(files, tests).buildAll();
            if (!built.getResults().getMessages(org.kie.api.builder.Message.Level.ERROR).isEmpty()) {
                throw new IllegalStateException("the warm-up rule does not compile: " + built.getResults());
            }
            KieContainer container = kie.newKieContainer(id, tests);
            KieSession s = container.getKieBase().newKieSessionsPool(1).newKieSession();
            try {
                s.insert("x");
                s.fireAllRules();
            } finally {
                s.dispose();
            }
            kie.getRepository().removeKieModule(id);
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
