package dev.argogke.migrate;

import static dev.argogke.migrate.MigrateTestSupport.corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.argogke.workflows.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronJobInputsTest {

    @Test
    void aListsCronJobItemsAreTakenAndOtherItemsSkippedWithTheirLine() {
        CronJobInputs.Found found = CronJobInputs.fromManifests(ManifestLoader.loadAll(List.of(corpus("valid/list.yaml"))));
        assertEquals(List.of("apps/firebase-sync", "apps/weekly-digest"),
                found.cronJobs().stream().map(CronJobSource::qualifiedName).toList());
        assertEquals(List.of(corpus("valid/list.yaml") + ":23:5: note: skipped ConfigMap/firebase-settings: not a CronJob"),
                found.skipped());
    }

    @Test
    void positionsOfAListItemPointIntoThatItem() {
        CronJobSource digest = CronJobInputs.fromManifests(ManifestLoader.loadAll(List.of(corpus("valid/list.yaml"))))
                .cronJobs().get(1);
        assertEquals(corpus("valid/list.yaml") + ":36:7", digest.where("spec.schedule"));
        assertEquals(corpus("valid/list.yaml") + ":30:5", digest.where(""));
    }

    @Test
    void eachCronJobOfAMultiDocumentFileIsTakenAndTheRestSkipped() {
        CronJobInputs.Found found = CronJobInputs.fromManifests(ManifestLoader.loadAll(List.of(corpus("valid/mixed.yaml"))));
        assertEquals(List.of("reports/monthly-invoices"), found.cronJobs().stream().map(CronJobSource::qualifiedName).toList());
        assertEquals(List.of(
                corpus("valid/mixed.yaml") + ":2:1: note: skipped ServiceAccount/reporter: not a CronJob",
                corpus("valid/mixed.yaml") + ":26:1: note: skipped Deployment/reports-ui: not a CronJob"), found.skipped());
    }

    @Test
    void aCronJobOfAnotherApiGroupIsSkippedSayingWhy() {
        String text = "apiVersion: cronjobber.hidde.co/v1alpha1\nkind: CronJob\nmetadata: {name: tz}\nspec: {}\n---\n"
                + "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: old}\nspec: {}\n";
        CronJobInputs.Found found = CronJobInputs.fromManifests(ManifestLoader.parse(Path.of("j.yaml"), text));
        assertEquals(List.of("old"), found.cronJobs().stream().map(CronJobSource::qualifiedName).toList(),
                "batch/v1beta1 has the same fields");
        assertEquals(List.of("j.yaml:1:1: note: skipped CronJob/tz: apiVersion cronjobber.hidde.co/v1alpha1 is not batch/v1"),
                found.skipped());
    }
}
