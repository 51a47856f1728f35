// Aho–Corasick automaton over bytes: finds every occurrence of many patterns in one pass.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tmalign {

class AhoCorasick {
 public:
  AhoCorasick();
  // Adds a non-empty pattern and returns its id; adding the same bytes twice returns the same id.
  int Add(std::string_view pattern);
  // Computes failure links; call once after the last Add and before Find.
  void Build();
  // Calls on_match(id, begin, end) for every occurrence (overlapping ones included), by end offset.
  void FindAll(std::string_view text,
               const std::function<void(int id, size_t begin, size_t end)>& on_match) const;

  size_t pattern_count() const { return lengths_.size(); }

 private:
  struct Node {
    uint32_t first_edge = 0;  // edges_[first_edge, first_edge + edge_count), sorted by byte
    uint16_t edge_count = 0;
    int32_t fail = 0;
    int32_t output = -1;     // pattern id ending exactly here
    int32_t dict_link = -1;  // nearest node on the fail chain with an output
    int32_t row = -1;        // its full transition row in rows_, for the shallow nodes
  };
  struct Edge {
    uint8_t byte;
    int32_t target;
  };
  int32_t Child(int32_t node, uint8_t byte) const;

  std::vector<std::vector<Edge>> build_edges_;  // per node, only until Build()
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  // Full transition rows (failures resolved, 256 a node) of the nodes at most kRowDepth
  // bytes deep, the root's first: the automaton spends most bytes there, and a row is one
  // load where edges and failure links are several (a Chinese character is three bytes).
  static constexpr int kRowDepth = 3;
  std::vector<int32_t> rows_;
  std::vector<size_t> lengths_;
  bool built_ = false;
};

}  // namespace tmalign
