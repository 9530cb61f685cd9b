package dev.argogke.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argogke.UserError;
import dev.argogke.plan.BillingCatalog;
import dev.argogke.plan.CostEstimate;
import dev.argogke.plan.CostReport;
import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PriceAge;
import dev.argogke.plan.PriceBook;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code argo-gke cost --stack dev} (or {@code --plan plan.json}): the monthly estimate of what a stack creates. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"Estimate what a stack costs per month at Google Cloud list prices.",
                "GKE fee and free tier, node pools at their minimum size, disks, load balancer, static IP, DNS,"
                        + " NAT and buckets, with Cloud Composer's smallest environment beside it.",
                "Each line names its price's date; prices older than 90 days are warned about.",
                "--refresh-prices FILE writes a price file refreshed from the Cloud Billing Catalog API"
                        + " (credentials: ARGO_GKE_BILLING_API_KEY or gcloud)."})
public final class CostCommand implements Callable<Integer> {
    enum Format { text, markdown }

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    /** The stack to plan offline now and price, unless --plan names a plan file written before. */
    @Mixin
    StackOptions stack;

    @Option(names = "--plan", paramLabel = "PLAN.json",
            description = "Price a plan file written by 'argo-gke plan --out' instead of planning a stack.")
    Path plan;

    @Option(names = "--prices", paramLabel = "FILE",
            description = "A price file to use instead of the built-in one (to try refreshed prices).")
    Path prices;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default) or markdown.")
    Format format;

    @Option(names = "--refresh-prices", paramLabel = "FILE",
            description = "Write FILE: the price file (built-in, or --prices) with its machine and disk prices refreshed from the"
                    + " Cloud Billing Catalog API. Uses the API key in ARGO_GKE_BILLING_API_KEY, else 'gcloud auth print-access-token'.")
    Path refreshPrices;

    @Option(names = "--fail-above", paramLabel = "USD",
            description = "Exit 1 when the monthly total is above this amount (or incomplete).")
    BigDecimal failAbove;

    @Override
    public Integer call() {
        if (failAbove != null && failAbove.signum() < 0) {
            throw new UserError("--fail-above must be a positive amount in USD, e.g. --fail-above 25");
        }
        PriceBook book = prices == null ? PriceBook.standard() : PriceBook.read(prices);
        if (refreshPrices != null) {
            return refresh(book);
        }
        if (plan != null && stack.named()) {
            throw new UserError("give either --plan PLAN.json or --stack/--stack-file, not both");
        }
        PlanFile planned = plan != null ? PlanFile.read(plan)
                : OfflinePlan.run(main.root(), stack.require(main.root()), Optional.empty());
        CostEstimate estimate = CostEstimate.of(planned, book);
        PriceAge.warning(book, LocalDate.now(main.clock())).ifPresent(w -> spec.commandLine().getErr().println(w));
        spec.commandLine().getOut().print(format == Format.text ? CostReport.text(estimate) : CostReport.markdown(estimate));
        spec.commandLine().getOut().flush();
        if (failAbove != null && (!estimate.complete() || estimate.total().compareTo(failAbove) > 0)) {
            spec.commandLine().getErr().println("cost: $" + estimate.total() + (estimate.complete() ? "" : " (incomplete)")
                    + " a month is above the limit of $" + failAbove);
            return Main.EXIT_FINDINGS;
        }
        return Main.EXIT_OK;
    }

    private int refresh(PriceBook book) {
        if (plan != null || stack.named()) {
            throw new UserError("--refresh-prices writes a price file and prices no stack: give it alone (with --prices to"
                    + " refresh a file other than the built-in one)");
        }
        BillingCatalog.Refreshed refreshed;
        try {
            refreshed = BillingCatalog.refresh(book, BillingCatalog.http(credentials()), LocalDate.now(main.clock()));
            Files.writeString(refreshPrices, new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(refreshed.prices()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("--refresh-prices: " + e.getMessage() + " (the Cloud Billing Catalog API could not be read, or "
                    + refreshPrices + " could not be written)", e);
        }
        refreshed.report().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().println("Wrote " + refreshPrices + ". Other groups keep their dates. Try it with"
                + " 'argo-gke cost --stack dev --prices " + refreshPrices + "', then copy it over src/main/resources/prices/gcp-prices.json.");
        return Main.EXIT_OK;
    }

    /** The API key in ARGO_GKE_BILLING_API_KEY, else an access token from gcloud (the user's own login). */
    private static BillingCatalog.Credentials credentials() {
        String key = System.getenv("ARGO_GKE_BILLING_API_KEY");
        if (key != null && !key.isBlank()) {
            return new BillingCatalog.Credentials(key.strip(), null);
        }
        try {
            Process p = new ProcessBuilder("gcloud", "auth", "print-access-token").redirectErrorStream(false).start();
            String token = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !token.isEmpty()) {
                return new BillingCatalog.Credentials(null, token);
            }
        } catch (IOException e) {
            // gcloud is not installed: say how to give a key instead.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new UserError("--refresh-prices needs credentials for the Cloud Billing Catalog API: set ARGO_GKE_BILLING_API_KEY"
                + " to an API key of a project with the Cloud Billing API enabled, or log in with 'gcloud auth login'");
    }
}
