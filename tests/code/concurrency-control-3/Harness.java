import java.util.concurrent.atomic.AtomicInteger;

/**
 * Harness for concurrency-control-3, compiled once with the listing and
 * once with Fixed.java (same class names, separate output folders).
 *
 *   java Harness listing   exits 0 when the listing loses an edit silently
 *   java Harness fixed     exits 0 when no edit is ever lost
 *
 * The race is between two requests (load, then save), so it is replayed
 * step by step, with no threads and no luck: recruiter A and recruiter B
 * both load version 1, A saves a new headline, B saves a new phone. Then
 * eight threads run load-increment-save loops, reloading and redoing the
 * edit whenever a save is refused, as a client told "409" would.
 */
public class Harness {
    static final long ID = 42;

    /** null when both edits survive or B was told; else what went wrong. */
    static String interleaved() {
        ProfileStore store = new ProfileStore();
        store.insert(new Profile(ID, 1, "Backend engineer", "555-0100"));
        ProfileService svc = new ProfileService(store);
        Profile a = store.find(ID), b = store.find(ID);
        svc.save(new Profile(ID, a.version(), "Staff backend engineer", a.phone()));
        boolean bRefused = false;
        try {
            svc.save(new Profile(ID, b.version(), b.headline(), "555-0199"));
        } catch (RuntimeException e) {
            bRefused = true;
        }
        Profile end = store.find(ID);
        boolean aKept = end.headline().equals("Staff backend engineer");
        boolean bKept = end.phone().equals("555-0199");
        if (aKept && (bKept || bRefused)) return null;
        return "after A saved a headline and B saved a phone, both from version 1, "
            + "the profile is " + end + " and B's save "
            + (bRefused ? "was refused" : "reported success");
    }

    /** Lost increments when 8 clients each add 1, 250 times. */
    static int lostIncrements() throws InterruptedException {
        ProfileStore store = new ProfileStore();
        store.insert(new Profile(ID, 1, "0", "555-0100"));
        ProfileService svc = new ProfileService(store);
        int threads = 8, each = 250;
        AtomicInteger refused = new AtomicInteger();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            ts[t] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    while (true) {
                        Profile p = store.find(ID);
                        int n = Integer.parseInt(p.headline()) + 1;
                        try {
                            svc.save(new Profile(ID, p.version(), Integer.toString(n), p.phone()));
                            break;
                        } catch (RuntimeException e) {
                            refused.incrementAndGet();
                            Thread.yield();
                        }
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        return threads * each - Integer.parseInt(store.find(ID).headline());
    }

    public static void main(String[] args) throws Exception {
        boolean listing = args[0].equals("listing");
        String lost = interleaved();
        int lostN = lostIncrements();
        if (listing) {
            if (lost == null) {
                System.out.println("listing: no edit was lost, so the bug is not shown");
                System.exit(1);
            }
            System.out.println("listing loses an edit: " + lost
                + (lostN > 0 ? "; under 8 threads " + lostN + " of 2000 increments vanished" : ""));
        } else {
            if (lost != null || lostN != 0) {
                System.out.println("Fixed.java still loses edits: "
                    + (lost != null ? lost : lostN + " of 2000 increments vanished"));
                System.exit(1);
            }
            System.out.println("Fixed.java keeps every edit or refuses it");
        }
    }
}
