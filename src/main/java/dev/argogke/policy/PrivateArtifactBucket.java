package dev.argogke.policy;

import dev.argogke.plan.PlanFile;
import dev.argogke.plan.ResourceTypes;
import dev.argogke.tree.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The artifact bucket (and any other bucket) is private: IAM only (uniform access, no object ACLs),
 * public access prevention enforced, and no allUsers/allAuthenticatedUsers anywhere on it.
 */
final class PrivateArtifactBucket implements Rule {
    @Override
    public String name() {
        return "private-bucket";
    }

    @Override
    public String description() {
        return "buckets with uniform access, public access prevention enforced, no allUsers/allAuthenticatedUsers";
    }

    @Override
    public Optional<String> notApplicable(PolicyInput input) {
        return Applicability.outsideGoogleCloud(input);
    }

    @Override
    public List<Violation> check(PolicyInput input) {
        PlanQuery plan = new PlanQuery(input.plan());
        List<Violation> out = new ArrayList<>();
        for (PlanFile.Resource bucket : plan.ofType(ResourceTypes.BUCKET)) {
            String where = PlanQuery.label(bucket);
            if (!PlanQuery.isTrue(bucket.input("uniformBucketLevelAccess"))) {
                out.add(violation(where, "uniformBucketLevelAccess is not true, so object ACLs can make files public; set it to true"));
            }
            if (!"enforced".equals(bucket.input("publicAccessPrevention"))) {
                out.add(violation(where, "publicAccessPrevention is not \"enforced\"; set it to enforced"));
            }
        }
        for (PlanFile.Resource m : plan.ofType("gcp:storage/bucketIAMMember:BucketIAMMember")) {
            String who = Tree.string(m.input("member"));
            if (who != null && IapRequired.EVERYONE.contains(who)) {
                out.add(violation(PlanQuery.label(m), "makes the bucket readable by " + who + "; grant named service accounts only"));
            }
        }
        for (PlanFile.Resource b : plan.ofType("gcp:storage/bucketIAMBinding:BucketIAMBinding")) {
            for (Object who : Tree.list(b.input("members"))) {
                if (who instanceof String s && IapRequired.EVERYONE.contains(s)) {
                    out.add(violation(PlanQuery.label(b), "makes the bucket readable by " + s + "; grant named service accounts only"));
                }
            }
        }
        for (PlanFile.Resource acl : plan.ofType("gcp:storage/bucketAccessControl:BucketAccessControl",
                "gcp:storage/defaultObjectAccessControl:DefaultObjectAccessControl", "gcp:storage/objectAccessControl:ObjectAccessControl")) {
            String entity = Tree.string(acl.input("entity"));
            if (entity != null && IapRequired.EVERYONE.contains(entity)) {
                out.add(violation(PlanQuery.label(acl), "an ACL for " + entity + " makes objects public; remove it"));
            }
        }
        return out;
    }
}
