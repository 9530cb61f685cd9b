package dev.argogke.cli;

import dev.argogke.UserError;
import dev.argogke.plan.CostEstimate;
import dev.argogke.plan.CostReport;
import dev.argogke.plan.OfflinePlan;
import dev.argogke.plan.PlanFile;
import dev.argogke.plan.PriceBook;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code argo-gke cost --stack dev} (or {@code --plan plan.json}): the monthly estimate of what a stack creates. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"Estimate what a stack costs per month at Google Cloud list prices: GKE fee and free tier,",
                "node pools at their minimum size, disks, load balancer, static IP, DNS, NAT and buckets,",
                "with Cloud Composer's smallest environment beside it."})
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

    @Option(names = "--fail-above", paramLabel = "USD",
            description = "Exit 1 when the monthly total is above this amount (or incomplete).")
    BigDecimal failAbove;

    @Override
    public Integer call() {
        if (failAbove != null && failAbove.signum() < 0) {
            throw new UserError("--fail-above must be a positive amount in USD, e.g. --fail-above 25");
        }
        PriceBook book = prices == null ? PriceBook.standard() : PriceBook.read(prices);
        if (plan != null && stack.named()) {
            throw new UserError("give either --plan PLAN.json or --stack/--stack-file, not both");
        }
        PlanFile planned = plan != null ? PlanFile.read(plan)
                : OfflinePlan.run(main.root(), stack.require(main.root()), Optional.empty());
        CostEstimate estimate = CostEstimate.of(planned, book);
        spec.commandLine().getOut().print(format == Format.text ? CostReport.text(estimate) : CostReport.markdown(estimate));
        spec.commandLine().getOut().flush();
        if (failAbove != null && (!estimate.complete() || estimate.total().compareTo(failAbove) > 0)) {
            spec.commandLine().getErr().println("cost: $" + estimate.total() + (estimate.complete() ? "" : " (incomplete)")
                    + " a month is above the limit of $" + failAbove);
            return Main.EXIT_FINDINGS;
        }
        return Main.EXIT_OK;
    }
}
