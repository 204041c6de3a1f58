import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

record Profile(long id, int version, String headline, String phone) {
    Profile withVersion(int v) { return new Profile(id, v, headline, phone); }
}

/** The save lost the race: the caller gets the current profile (HTTP 409). */
class ProfileConflict extends RuntimeException {
    final Profile current;
    ProfileConflict(Profile current) {
        super("profile " + current.id() + " changed since it was loaded");
        this.current = current;
    }
}

class ProfileStore {
    private final Map<Long, Profile> rows = new ConcurrentHashMap<>();

    void insert(Profile p) { rows.put(p.id(), p); }
    Profile find(long id) { return rows.get(id); }

    /** UPDATE profiles SET ..., version = version + 1 WHERE id = ? AND version = ? */
    int updateIfVersion(Profile p) {
        int[] updated = {0};
        rows.computeIfPresent(p.id(), (id, cur) -> {
            if (cur.version() != p.version()) return cur;
            updated[0] = 1;
            return p.withVersion(cur.version() + 1);
        });
        return updated[0];
    }
}

class ProfileService {
    private final ProfileStore store;
    ProfileService(ProfileStore store) { this.store = store; }

    /** Saves a recruiter's edit of a profile they loaded earlier. A zero
     *  row count means someone else saved first: the edit was made on data
     *  that no longer exists, so it is refused rather than written over
     *  theirs, and the caller shows the current profile to merge. */
    Profile save(Profile edited) {
        if (store.updateIfVersion(edited) == 1) return store.find(edited.id());
        throw new ProfileConflict(store.find(edited.id()));
    }
}
