// Prints the Envoy bootstrap argo-gke puts in argo-server's pod (the ConfigMap's text), for a
// project number given as the only argument: the same method the program calls.
// Run with the packaged jar on the class path (Java's source-file mode):
//   java -cp target/argo-gke.jar e2e/envoy/PrintBootstrap.java 123456789012
public class PrintBootstrap {
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: PrintBootstrap PROJECT_NUMBER");
            System.exit(2);
        }
        System.out.print(dev.argogke.edge.IapProxySidecar.config(args[0]));
    }
}
