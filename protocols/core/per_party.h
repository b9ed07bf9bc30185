// PerParty<T>: one value per party of a run, indexed by PartyId. Papers write "x_i for every
// party P_i" and "every P_j, j ≠ i"; this is that vocabulary, so protocol code need not convert
// party numbers to vector indices at every use.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "protocols/core/status.h"
#include "protocols/core/types.h"

namespace smpc {

// The party numbers 0 .. n−1 in order, optionally without one party (the caller itself).
class PartyRange {
 public:
  class iterator {
   public:
    iterator(PartyId p, PartyId skip) : p_(p), skip_(skip) { step_over_skip(); }
    PartyId operator*() const { return p_; }
    iterator& operator++() {
      ++p_;
      step_over_skip();
      return *this;
    }
    bool operator==(const iterator& o) const { return p_ == o.p_; }

   private:
    void step_over_skip() {
      if (p_ == skip_) ++p_;
    }
    PartyId p_;
    PartyId skip_;
  };

  PartyRange(int parties, PartyId skip) : n_(parties), skip_(skip) {}
  iterator begin() const { return {0, skip_}; }
  iterator end() const { return {n_, skip_}; }

 private:
  int n_;
  PartyId skip_;
};

// Every party 0 .. n−1.
inline PartyRange all_parties(int parties) { return {parties, -1}; }
// Every party but `me`, in party order: the peers a party sends to and hears from.
inline PartyRange other_parties(int parties, PartyId me) { return {parties, me}; }

// (Not for T = bool: std::vector<bool> has no element references.)
template <typename T>
class PerParty {
 public:
  PerParty() = default;
  explicit PerParty(int parties) : values_(static_cast<std::size_t>(parties)) {}
  PerParty(int parties, const T& init) : values_(static_cast<std::size_t>(parties), init) {}

  int parties() const { return static_cast<int>(values_.size()); }
  T& operator[](PartyId p) { return values_[index(p)]; }
  const T& operator[](PartyId p) const { return values_[index(p)]; }

  // The values in party order (for code that needs the plain vector, e.g. to hash them all).
  const std::vector<T>& values() const { return values_; }
  std::vector<T>& values() { return values_; }
  auto begin() { return values_.begin(); }
  auto end() { return values_.end(); }
  auto begin() const { return values_.begin(); }
  auto end() const { return values_.end(); }

  // (party, value) pairs in party order, optionally without `skip`:
  //   for (auto [p, share] : shares.items()) ...
  //   for (auto [p, msg] : received.others(me)) ...
  template <typename Ref>
  class Items {
   public:
    class iterator {
     public:
      iterator(PartyRange::iterator at, Ref* base) : at_(at), base_(base) {}
      std::pair<PartyId, Ref&> operator*() const {
        return {*at_, base_[static_cast<std::size_t>(*at_)]};
      }
      iterator& operator++() {
        ++at_;
        return *this;
      }
      bool operator==(const iterator& o) const { return at_ == o.at_; }

     private:
      PartyRange::iterator at_;
      Ref* base_;
    };
    Items(PartyRange range, Ref* base) : range_(range), base_(base) {}
    iterator begin() const { return {range_.begin(), base_}; }
    iterator end() const { return {range_.end(), base_}; }

   private:
    PartyRange range_;
    Ref* base_;
  };
  Items<T> items() & { return {all_parties(parties()), values_.data()}; }
  Items<const T> items() const& { return {all_parties(parties()), values_.data()}; }
  Items<T> others(PartyId me) & { return {other_parties(parties(), me), values_.data()}; }
  Items<const T> others(PartyId me) const& {
    return {other_parties(parties(), me), values_.data()};
  }
  // A view of a temporary would dangle: in `for (auto [p, m] : recv_each(...).others(me))` the
  // PerParty dies before the loop body runs (range-for extends only the view's lifetime). Name
  // the PerParty first.
  void items() && = delete;
  void items() const&& = delete;
  void others(PartyId) && = delete;
  void others(PartyId) const&& = delete;

 private:
  std::size_t index(PartyId p) const {
    SMPC_ASSERT(p >= 0 && p < parties());
    return static_cast<std::size_t>(p);
  }
  std::vector<T> values_;
};

}  // namespace smpc
