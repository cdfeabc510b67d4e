package dev.sightline.gpu;

import static jcuda.driver.JCudaDriver.cuModuleGetFunction;

import jcuda.CudaException;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;

/** A loaded PTX module of a {@link CudaDevice}; its kernels are looked up by name. */
public final class CudaModule {

    private final String name;
    private final CUmodule module;

    CudaModule(String name, CUmodule module) {
        this.name = name;
        this.module = module;
    }

    /** The kernel {@code kernel} ({@code extern "C"} name) of this module. */
    public CUfunction function(String kernel) {
        CUfunction function = new CUfunction();
        try {
            cuModuleGetFunction(function, module, kernel);
        } catch (CudaException e) {
            throw new IllegalStateException("no kernel " + kernel + " in " + name + ".ptx (stale PTX? rebuild it): "
                    + e.getMessage(), e);
        }
        return function;
    }

    CUmodule handle() {
        return module;
    }
}
