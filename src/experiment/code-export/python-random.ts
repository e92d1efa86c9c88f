// The app's random streams in Python, for exported scripts whose runs draw from them (gradient
// noise, the mini-batch shuffle): engine/random.ts line for line (fmix32, deriveSeed, xoshiro128**,
// the 53-bit float, Box-Muller with its spare), so a script draws the very numbers the app drew.

/** Python source of derive_seed and the Random class. */
export const PYTHON_RANDOM = String.raw`MASK32 = 0xFFFFFFFF
GOLDEN_GAMMA = 0x9E3779B9


def fmix32(value):
    """MurmurHash3's 32-bit finaliser (engine/random.ts fmix32)."""
    h = value & MASK32
    h = ((h ^ (h >> 16)) * 0x85EBCA6B) & MASK32
    h = ((h ^ (h >> 13)) * 0xC2B2AE35) & MASK32
    return h ^ (h >> 16)


def derive_seed(seed, stream):
    """A seed of its own for stream number stream of seed (engine/random.ts deriveSeed)."""
    return fmix32((seed & MASK32) + ((GOLDEN_GAMMA * ((stream + 1) & MASK32)) & MASK32))


def rotate_left(value, bits):
    return ((value << bits) | (value >> (32 - bits))) & MASK32


class Random:
    """xoshiro128** seeded through a Weyl sequence (engine/random.ts Random)."""

    def __init__(self, seed):
        weyl = seed & MASK32
        state = []
        for _ in range(4):
            weyl = (weyl + GOLDEN_GAMMA) & MASK32
            state.append(fmix32(weyl))
        self.s0, self.s1, self.s2, self.s3 = state
        self.spare = None

    def next_uint32(self):
        result = (rotate_left((self.s1 * 5) & MASK32, 7) * 9) & MASK32
        shifted = (self.s1 << 9) & MASK32
        self.s2 ^= self.s0
        self.s3 ^= self.s1
        self.s1 ^= self.s2
        self.s0 ^= self.s3
        self.s2 ^= shifted
        self.s3 = rotate_left(self.s3, 11)
        return result

    def next_float(self):
        """Uniform on [0, 1) with 53 random bits."""
        high = self.next_uint32() >> 5
        low = self.next_uint32() >> 6
        return (high * 67108864 + low) / 9007199254740992

    def next_gaussian(self):
        """N(0, 1) by Box-Muller, the second value of each pair kept for the next call."""
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        radius = math.sqrt(-2 * math.log(1 - self.next_float()))
        angle = 2 * math.pi * self.next_float()
        self.spare = radius * math.sin(angle)
        return radius * math.cos(angle)

    def shuffled(self, count):
        """A Fisher-Yates permutation of 0..count-1 (engine/data/split.ts shuffledIndices)."""
        indices = list(range(count))
        for i in range(count - 1, 0, -1):
            j = math.floor(self.next_float() * (i + 1))
            indices[i], indices[j] = indices[j], indices[i]
        return indices`;
