#include "align/length_spread.h"

#include <algorithm>
#include <cmath>

namespace tmalign {

LengthSpread MeasureLengthSpread(const std::vector<Anchor>& anchors, const BeadScorer& scorer,
                                 double reference_rms_z) {
  LengthSpread out;
  out.anchors = static_cast<int>(anchors.size());
  if (out.anchors < kMinSpreadAnchors) return out;
  double sum = 0;
  for (const Anchor& a : anchors) {
    const double z = scorer.SpanLengthZ(a.zh, a.zh + 1, a.en, a.en + 1);
    sum += z * z;
  }
  out.rms_z = std::sqrt(sum / out.anchors);
  // The length term is a squared deviation: a spread twice the reference makes each
  // deviation count a quarter as much, as a Gaussian with the measured variance would.
  if (reference_rms_z > 0 && out.rms_z > 0) {
    const double ratio = reference_rms_z / out.rms_z;
    out.scale = std::clamp(ratio * ratio, kMinLengthScale, kMaxLengthScale);
  } else if (reference_rms_z > 0) {
    out.scale = kMaxLengthScale;
  }
  return out;
}

}  // namespace tmalign
