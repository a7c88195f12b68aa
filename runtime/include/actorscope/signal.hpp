#pragma once
// Signal: one node travelling from a sender to a receiver through the receiver's inbox.
// Messages, exit signals, DOWNs and receive timeouts share one ordered channel per receiver (R4.1).
// Internal to the runtime; exposed only so Process can be laid out inline.

#include "actorscope/frame_pool.hpp"
#include "actorscope/term.hpp"

#include <atomic>

namespace actorscope::detail {

enum class SignalKind : uint8_t {
  Message,  // payload = the message
  Exit,     // payload = reason; linked = sent because a linked process ended
  Down,     // payload = the whole {:DOWN, ref, :process, obj, reason} message; ref = monitor ref
  Timeout,  // a receive ... after timer; ref.id = the receive's sequence number
};

struct SignalNode {
  std::atomic<SignalNode*> next{nullptr};
};

struct Signal : SignalNode {
  Pid to;
  Pid from;
  SignalKind kind = SignalKind::Message;
  bool linked = false;     // Exit: from a link. Down: delivered even without a monitor entry.
                           // Message: made from an exit signal (trapped): its taking is traced
                           // exactly, as the signal's delivery was (never sampled)
  bool local = false;      // made on the receiver's node for a remote cause (a cut): not routed
  bool node_stop = false;  // Exit: forced, no process sent it: its node ended (stop_node), or the
                           // node's Kill in Ergo mode (E1.6)
  uint16_t conn = 0;        // cross-node: 1 + the connection's index (0: same node)
  uint16_t conn_epoch = 0;  // cross-node: the connection's epoch when sent
  Ref ref;  // Down: the monitor's; Exit in Ergo mode: the one-way link's (none for a node link)
  Term payload;
  // Ergo mode only (E1.2, E1.9): the queue (0 Main, 1 System, 2 Urgent), and what a link or monitor
  // named, for the message a trapped exit becomes: 0 the pid, 1 {object_name, node}, 2 the node,
  // 3 the alias in `ref`. They fill the 64-byte pool class that Signal uses anyway; left
  // uninitialised in BEAM mode (RuntimeCore::make_signal sets them in Ergo mode), which never reads
  // them, so BEAM's hot path does not write the block's last bytes.
  uint8_t prio;
  uint8_t object;
  uint16_t object_node;
  uint32_t object_name;  // an Atom's id (an Atom member would be zeroed on every new Signal)

  Signal() = default;
  /// Writes every field it sets and reads none: a fresh block (last written by the thread that
  /// freed it) is never loaded, so making a signal does not wait for its cache line.
  Signal(SignalKind k, Pid f, Pid t, Term&& p) noexcept : to(t), from(f), kind(k), payload(std::move(p)) {}

  static void* operator new(size_t n) { return frame_alloc(n); }
  static void operator delete(void* p, size_t n) noexcept { frame_free(p, n); }
};

/// Vyukov's intrusive multi-producer single-consumer queue with an embedded stub.
/// push() from any thread (one atomic exchange); pop() only by the queue's single consumer.
class Inbox {
 public:
  Inbox() noexcept : head_(&stub_), tail_(&stub_) {}
  Inbox(const Inbox&) = delete;
  Inbox& operator=(const Inbox&) = delete;

  void push(Signal* s) noexcept { push_node(s); }
  /// Pushes first..last (linked through next) with one exchange: taken in that order, after all
  /// pushed before. One producer's batch costs one contended operation, not one per signal.
  void push_chain(Signal* first, Signal* last) noexcept {
    last->next.store(nullptr, std::memory_order_relaxed);
    SignalNode* prev = head_.exchange(last, std::memory_order_seq_cst);
    prev->next.store(first, std::memory_order_release);
  }
  /// Next signal, or nullptr when empty or when a producer is between its two steps (then
  /// maybe_nonempty() stays true and a later pop() succeeds).
  Signal* pop() noexcept {
    SignalNode* tail = tail_;
    SignalNode* next = tail->next.load(std::memory_order_acquire);
    if (tail == &stub_) {
      if (!next) return nullptr;
      tail_ = next;
      tail = next;
      next = next->next.load(std::memory_order_acquire);
    }
    if (next) {
      tail_ = next;
      return static_cast<Signal*>(tail);
    }
    if (tail != head_.load(std::memory_order_acquire)) return nullptr;
    push_node(&stub_);
    next = tail->next.load(std::memory_order_acquire);
    if (next) {
      tail_ = next;
      return static_cast<Signal*>(tail);
    }
    return nullptr;
  }
  /// Consumer side: the signal pop() returns next, left in place; nullptr when there is none
  /// (pop() may still return nullptr for it while its producer is between its two steps).
  Signal* front() const noexcept {
    SignalNode* t = tail_;
    if (t == &stub_) t = stub_.next.load(std::memory_order_acquire);
    return static_cast<Signal*>(t);
  }
  /// Any thread: the last node pushed. A consumer that compares it before and after publishing
  /// "I am idle" learns whether a push raced with that decision, without touching its own fields.
  const SignalNode* last_pushed() const noexcept { return head_.load(std::memory_order_seq_cst); }
  /// Consumer side: false only when no producer has pushed anything not yet popped.
  bool maybe_nonempty() const noexcept {
    return head_.load(std::memory_order_seq_cst) != &stub_ || tail_ != &stub_ ||
           stub_.next.load(std::memory_order_acquire) != nullptr;
  }

 private:
  void push_node(SignalNode* s) noexcept {
    s->next.store(nullptr, std::memory_order_relaxed);
    SignalNode* prev = head_.exchange(s, std::memory_order_seq_cst);
    prev->next.store(s, std::memory_order_release);
  }

  // No padding of its own: Process places head_ at the end of the senders' cache line and tail_
  // and stub_ at the start of the consumer's (no false sharing between the two ends).
  std::atomic<SignalNode*> head_;  // producers
  SignalNode* tail_;               // consumer
  SignalNode stub_;
};

}  // namespace actorscope::detail
