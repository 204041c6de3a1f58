import threading


class AssessmentSession:
    """A timed coding assessment with a fixed number of seats."""

    def __init__(self, seats):
        self.seats_left = seats
        self.booked = []
        self._lock = threading.Lock()

    def book(self, candidate_id):
        """Reserve a seat; return True if the candidate got one."""
        # the check and both writes happen under one lock, so no other
        # request can act on the seat count between them
        with self._lock:
            if self.seats_left <= 0:
                return False
            self.seats_left -= 1
            self.booked.append(candidate_id)
            return True


def open_booking(session, candidate_ids):
    # one thread per incoming request, as the web server does
    threads = [threading.Thread(target=session.book, args=(c,))
               for c in candidate_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    session = AssessmentSession(seats=20)
    open_booking(session, ["cand-%d" % i for i in range(200)])
    print(len(session.booked), "booked,", session.seats_left, "seats left")
