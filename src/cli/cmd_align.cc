// tmalign align SRC TGT: sentence-align a Chinese text and its English translation.
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "align/aligner.h"
#include "cli/command.h"
#include "cli/lexicon_loader.h"

namespace tmalign::cli {
namespace {

namespace po = boost::program_options;

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

int RunAlign(const std::vector<std::string>& args) {
  po::options_description opts("tmalign align SRC TGT [options]\n\noptions");
  opts.add_options()("help,h", "show this help")("presplit", "inputs are one sentence per line")(
      "dict", po::value<std::string>()->default_value(""), "CC-CEDICT file")(
      "verbose,v", "print timings to stderr");
  po::options_description hidden;
  AlignOptions align_options;
  hidden.add_options()("skip-cost", po::value<double>(&align_options.skip_cost))(
      "merge-cost", po::value<double>(&align_options.merge_cost))(
      "m2m-cost", po::value<double>(&align_options.many_to_many_cost))(
      "fan", po::value<int>(&align_options.max_fan))("merge-cap", po::value<int>(&align_options.merge_cost_cap))(
      "length-weight", po::value<double>(&align_options.length_weight))(
      "band", po::value<int>(&align_options.band_half_width))("src", po::value<std::string>())("tgt", po::value<std::string>());
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("src", 1).add("tgt", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << opts << "\n";
    return kExitOk;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<BilingualLexicon> lexicon;
  Status st = LoadLexicon(vm["dict"].as<std::string>(), "", &lexicon);
  if (!st.ok()) {
    std::fprintf(stderr, "tmalign align: %s\n", st.message().c_str());
    return kExitError;
  }
  auto t1 = std::chrono::steady_clock::now();
  AlignInput input;
  input.zh = ReadLines(vm["src"].as<std::string>());
  input.en = ReadLines(vm["tgt"].as<std::string>());
  std::vector<Bead> beads;
  st = Aligner(*lexicon, align_options).Align(input, &beads);
  auto t2 = std::chrono::steady_clock::now();
  if (!st.ok()) {
    std::fprintf(stderr, "tmalign align: %s\n", st.message().c_str());
    return kExitError;
  }
  for (const Bead& b : beads) std::printf("%s\n", FormatBead(b).c_str());
  if (vm.count("verbose")) {
    std::fprintf(stderr, "lexicon %.3fs, align %.3fs\n", std::chrono::duration<double>(t1 - t0).count(),
                 std::chrono::duration<double>(t2 - t1).count());
  }
  return kExitOk;
}

}  // namespace

TMALIGN_REGISTER_COMMAND("align", "align a Chinese text and its English translation into beads", RunAlign);

}  // namespace tmalign::cli
