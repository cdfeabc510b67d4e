// Small device helpers shared by the kernel sources (included by frames.cu).
#pragma once

// This thread's index in a 1-D grid (x only).
__device__ __forceinline__ long long global_thread()
{
    return (long long) blockIdx.x * blockDim.x + threadIdx.x;
}

// The number of threads in a 1-D grid (x only): the stride of grid-stride loops.
__device__ __forceinline__ long long global_threads()
{
    return (long long) gridDim.x * blockDim.x;
}

// Byte k (0 = least significant) of a 32-bit word.
__device__ __forceinline__ unsigned int byte_of(unsigned int word, int k)
{
    return (word >> (8 * k)) & 0xFFu;
}

// Sum of x over the 32 lanes of a full warp (every lane gets it).
__device__ __forceinline__ unsigned long long warp_sum(unsigned long long x)
{
    for (int offset = 16; offset > 0; offset >>= 1) {
        x += __shfl_xor_sync(0xFFFFFFFFu, x, offset);
    }
    return x;
}
