#!/usr/bin/python3
"""Independent float64 reference for diffusion-kit's noise schedules and schedulers.

Written from the papers' formulas and diffusers' documented semantics (not from the TypeScript code):
  - Ho et al. 2020 (DDPM): posterior q(x_{t-1} | x_t, x_0), eq. 6-7 and 15.
  - Song et al. 2021 (DDIM): eq. 12 and 16.
  - Lu et al. 2022 (DPM-Solver++): multistep exponential integrator in lambda = log(alpha / sigma).
  - Karras et al. 2022 (EDM): Euler step in sigma, churn, the rho = 7 sigma grid.
  - Lin et al. 2024: timestep spacings (table 2) and zero terminal SNR (algorithm 1).
Timestep grids follow diffusers' numpy recipes (np.linspace / np.arange / round half to even).

Everything is float64 numpy. Run with /usr/bin/python3 (numpy only); writes JSON to test/fixtures/schedulers/.
"""

import json
import math
import os

import numpy as np

# IEEE semantics for x / 0 and 0 / 0 (as torch and JavaScript), silently: a repeated sigma gives h = 0.
np.seterr(divide="ignore", invalid="ignore")

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "schedulers")

MODEL_DESCRIPTION = (
    "out[i] = c(t) * x[i] + 0.1 * sin(0.5 * (i + 1) + t / 250), with c(t) = 0.3 + 0.2 * cos(t / 700); "
    "x is the model input (scaleModelInput of the sample), t the timestep as given to step, i = 0..len-1; "
    "the same function serves as eps, v or x0 prediction according to prediction_type."
)


def model(x, t):
    """The analytic stand-in for a denoiser (see MODEL_DESCRIPTION)."""
    i = np.arange(x.shape[0], dtype=np.float64)
    c = 0.3 + 0.2 * math.cos(t / 700.0)
    return c * x + 0.1 * np.sin(0.5 * (i + 1.0) + t / 250.0)


# ---------------------------------------------------------------------------------------------------------
# Noise schedules
# ---------------------------------------------------------------------------------------------------------


def make_betas(schedule, n, beta_start, beta_end):
    if schedule == "linear":
        return np.linspace(beta_start, beta_end, n, dtype=np.float64)
    if schedule == "scaled_linear":
        return np.linspace(beta_start ** 0.5, beta_end ** 0.5, n, dtype=np.float64) ** 2
    if schedule == "squaredcos_cap_v2":
        # Nichol & Dhariwal 2021: abar(s) = cos^2((s + 0.008) / 1.008 * pi / 2), beta capped at 0.999.
        s = np.arange(n + 1, dtype=np.float64) / n
        abar = np.cos((s + 0.008) / 1.008 * np.pi / 2) ** 2
        return np.minimum(1.0 - abar[1:] / abar[:-1], 0.999)
    if schedule == "sigmoid":
        x = np.linspace(-6.0, 6.0, n, dtype=np.float64)
        return 1.0 / (1.0 + np.exp(-x)) * (beta_end - beta_start) + beta_start
    raise ValueError(schedule)


def zero_terminal_snr(betas):
    """Lin et al. 2024, algorithm 1."""
    s = np.sqrt(np.cumprod(1.0 - betas))
    s0, s_last = s[0], s[-1]
    s = (s - s_last) * (s0 / (s0 - s_last))
    abar = s ** 2
    alphas = np.concatenate([abar[:1], abar[1:] / abar[:-1]])
    return 1.0 - alphas


DEFAULTS_COMMON = dict(
    num_train_timesteps=1000,
    beta_start=0.0001,
    beta_end=0.02,
    beta_schedule="linear",
    trained_betas=None,
    prediction_type="epsilon",
    steps_offset=0,
    rescale_betas_zero_snr=False,
)


def resolve(config, **class_defaults):
    cfg = dict(DEFAULTS_COMMON)
    cfg.update(class_defaults)
    cfg.update({k: v for k, v in config.items() if v is not None})
    return cfg


def train_schedule(cfg):
    n = cfg["num_train_timesteps"]
    if cfg["trained_betas"] is not None:
        betas = np.array(cfg["trained_betas"], dtype=np.float64)
    else:
        betas = make_betas(cfg["beta_schedule"], n, cfg["beta_start"], cfg["beta_end"])
    if cfg["rescale_betas_zero_snr"]:
        betas = zero_terminal_snr(betas)
    return betas, np.cumprod(1.0 - betas)


# ---------------------------------------------------------------------------------------------------------
# Timestep grids (diffusers' numpy recipes)
# ---------------------------------------------------------------------------------------------------------


def trailing_grid(start, num_train, n):
    # np.arange may overshoot by one element (e.g. 1000 / 61); diffusers' n valid values are the first n.
    return (np.arange(start, 0, -num_train / n).round()[:n] - 1).astype(np.int64)


def discrete_timesteps(spacing, num_train, n, offset):
    """DDPM / DDIM."""
    if spacing == "linspace":
        return np.linspace(0, num_train - 1, n).round()[::-1].astype(np.int64)
    if spacing == "leading":
        return (np.arange(0, n) * (num_train // n)).round()[::-1].astype(np.int64) + offset
    if spacing == "trailing":
        return trailing_grid(num_train, num_train, n)
    raise ValueError(spacing)


def karras_grid(sigma_min, sigma_max, n, rho=7.0):
    """Karras et al. 2022, eq. 5."""
    ramp = np.linspace(0, 1, n)
    return (sigma_max ** (1 / rho) + ramp * (sigma_min ** (1 / rho) - sigma_max ** (1 / rho))) ** rho


def t_of_sigma(sigmas, train_sigmas):
    """The fractional training t of each sigma: linear interpolation in log sigma (clamped to the ends)."""
    log_train = np.log(train_sigmas)
    return np.interp(np.log(np.maximum(sigmas, 1e-10)), log_train, np.arange(len(train_sigmas), dtype=np.float64))


# ---------------------------------------------------------------------------------------------------------
# Schedulers (each: set_timesteps(n); scale_model_input(x, t); step(out, t, x, noise, **opts) -> (prev, x0))
# ---------------------------------------------------------------------------------------------------------


def x0_and_eps_vp(prediction, out, x, abar):
    """x_t = sqrt(abar) x_0 + sqrt(1 - abar) eps; v = sqrt(abar) eps - sqrt(1 - abar) x_0."""
    a, b = math.sqrt(abar), math.sqrt(1.0 - abar)
    if prediction == "epsilon":
        return (x - b * out) / a, out
    if prediction == "v_prediction":
        return a * x - b * out, a * out + b * x
    if prediction == "sample":
        return out, (x - a * out) / b
    raise ValueError(prediction)


class DDPM:
    def __init__(self, config):
        self.cfg = resolve(config, variance_type="fixed_small", clip_sample=True, clip_sample_range=1.0,
                           timestep_spacing="leading")
        self.betas, self.ac = train_schedule(self.cfg)
        self.init_noise_sigma = 1.0
        self.sigmas = None

    def set_timesteps(self, n):
        c = self.cfg
        self.n = n
        self.timesteps = discrete_timesteps(c["timestep_spacing"], c["num_train_timesteps"], n, c["steps_offset"])

    def scale_model_input(self, x, t):
        return x

    def step(self, out, t, x, noise=None):
        c = self.cfg
        t = int(t)
        prev_t = t - c["num_train_timesteps"] // self.n
        ab_t = self.ac[t]
        ab_prev = self.ac[prev_t] if prev_t >= 0 else 1.0
        alpha = ab_t / ab_prev  # over the skipped interval
        beta = 1.0 - alpha
        x0, _ = x0_and_eps_vp(c["prediction_type"], out, x, ab_t)
        if c["clip_sample"]:
            x0 = np.clip(x0, -c["clip_sample_range"], c["clip_sample_range"])
        # Posterior mean, Ho et al. eq. 7.
        mean = (math.sqrt(ab_prev) * beta / (1.0 - ab_t)) * x0 + (math.sqrt(alpha) * (1.0 - ab_prev) / (1.0 - ab_t)) * x
        if t > 0:
            beta_tilde = max((1.0 - ab_prev) / (1.0 - ab_t) * beta, 1e-20)
            vt = c["variance_type"]
            if vt == "fixed_small":
                std = math.sqrt(beta_tilde)
            elif vt == "fixed_small_log":
                std = math.exp(0.5 * math.log(beta_tilde))
            elif vt == "fixed_large":
                std = math.sqrt(beta)
            else:
                raise ValueError(vt)
            mean = mean + std * noise
        return mean, x0


class DDIM:
    def __init__(self, config):
        self.cfg = resolve(config, clip_sample=True, clip_sample_range=1.0, set_alpha_to_one=True,
                           timestep_spacing="leading")
        self.betas, self.ac = train_schedule(self.cfg)
        self.final_ac = 1.0 if self.cfg["set_alpha_to_one"] else self.ac[0]
        self.init_noise_sigma = 1.0
        self.sigmas = None

    def set_timesteps(self, n):
        c = self.cfg
        self.n = n
        self.timesteps = discrete_timesteps(c["timestep_spacing"], c["num_train_timesteps"], n, c["steps_offset"])

    def scale_model_input(self, x, t):
        return x

    def step(self, out, t, x, noise=None, eta=0.0, use_clipped_model_output=False):
        c = self.cfg
        t = int(t)
        prev_t = t - c["num_train_timesteps"] // self.n
        a_t = self.ac[t]
        a_prev = self.ac[prev_t] if prev_t >= 0 else self.final_ac
        x0, eps = x0_and_eps_vp(c["prediction_type"], out, x, a_t)
        if c["clip_sample"]:
            x0 = np.clip(x0, -c["clip_sample_range"], c["clip_sample_range"])
        # sigma_t(eta), Song et al. eq. 16.
        sigma = eta * math.sqrt((1.0 - a_prev) / (1.0 - a_t) * (1.0 - a_t / a_prev))
        if use_clipped_model_output:
            eps = (x - math.sqrt(a_t) * x0) / math.sqrt(1.0 - a_t)
        # Eq. 12: predicted x_0, direction pointing to x_t, random noise.
        prev = math.sqrt(a_prev) * x0 + math.sqrt(1.0 - a_prev - sigma ** 2) * eps
        if eta > 0:
            prev = prev + sigma * noise
        return prev, x0


class DPMSolverMultistep:
    def __init__(self, config):
        self.cfg = resolve(config, solver_order=2, algorithm_type="dpmsolver++", solver_type="midpoint",
                           lower_order_final=True, euler_at_final=False, use_karras_sigmas=False,
                           final_sigmas_type="zero", lambda_min_clipped=-math.inf, timestep_spacing="linspace")
        self.betas, self.ac = train_schedule(self.cfg)
        if self.cfg["rescale_betas_zero_snr"]:
            self.ac[-1] = 2.0 ** -24
        self.train_sigmas = np.sqrt((1.0 - self.ac) / self.ac)
        self.init_noise_sigma = 1.0

    def set_timesteps(self, n):
        c = self.cfg
        N = c["num_train_timesteps"]
        if c["use_karras_sigmas"]:
            sig = karras_grid(self.train_sigmas[0], self.train_sigmas[-1], n)
            t = t_of_sigma(sig, self.train_sigmas)
            if c["beta_schedule"] != "squaredcos_cap_v2":
                t = np.round(t)
            ts = np.trunc(t).astype(np.int64)
        else:
            lam = np.log(np.sqrt(self.ac)) - np.log(np.sqrt(1.0 - self.ac))
            last = N - int(np.searchsorted(lam[::-1], c["lambda_min_clipped"]))
            sp = c["timestep_spacing"]
            if sp == "linspace":
                ts = np.linspace(0, last - 1, n + 1).round()[::-1][:-1].astype(np.int64)
            elif sp == "leading":
                ratio = last // (n + 1)
                ts = (np.arange(0, n + 1) * ratio).round()[::-1][:-1].astype(np.int64) + c["steps_offset"]
            else:
                ts = trailing_grid(last, N, n)
            sig = self.train_sigmas[ts]
        final = self.train_sigmas[0] if c["final_sigmas_type"] == "sigma_min" else 0.0
        self.timesteps = ts
        self.sigmas = np.concatenate([sig, [final]])
        self.index = 0
        self.outputs = []  # data predictions, oldest first
        self.lower_order_nums = 0

    def scale_model_input(self, x, t):
        return x

    @staticmethod
    def vp(sigma):
        # numpy scalars: IEEE semantics (x / 0 = inf), as in torch, for the h = 0 step of a repeated sigma.
        sigma = np.float64(sigma)
        alpha = 1.0 / np.sqrt(sigma ** 2 + 1.0)
        s = sigma * alpha
        return alpha, s, np.log(alpha) - np.log(s)

    def step(self, out, t, x, noise=None):
        c = self.cfg
        i = self.index
        n = len(self.timesteps)
        assert self.timesteps[i] == t
        final = i == n - 1 and (c["euler_at_final"] or (c["lower_order_final"] and n < 15) or c["final_sigmas_type"] == "zero")
        second = i == n - 2 and c["lower_order_final"] and n < 15
        if c["solver_order"] == 1 or self.lower_order_nums < 1 or final:
            order = 1
        elif c["solver_order"] == 2 or self.lower_order_nums < 2 or second:
            order = 2
        else:
            order = 3
        a_s, s_s, l_s = self.vp(self.sigmas[i])
        p = c["prediction_type"]
        if p == "epsilon":
            d0 = (x - s_s * out) / a_s
        elif p == "v_prediction":
            d0 = a_s * x - s_s * out
        else:
            d0 = out.copy()
        self.outputs.append(d0)
        self.outputs = self.outputs[-c["solver_order"]:]
        a_t, s_t, l_t = self.vp(self.sigmas[i + 1])
        h = l_t - l_s
        sde = c["algorithm_type"] == "sde-dpmsolver++"
        # Lu et al. 2022: exponential integrator for the data prediction; phi terms with e^{-h} (ODE) or e^{-2h} (SDE).
        if sde:
            em = math.exp(-2.0 * h)
            prev = (s_t / s_s * math.exp(-h)) * x + a_t * (1.0 - em) * d0 + s_t * math.sqrt(1.0 - em) * noise
        else:
            em = math.exp(-h)
            prev = (s_t / s_s) * x - a_t * (em - 1.0) * d0
        if order >= 2:
            l_1 = self.vp(self.sigmas[i - 1])[2]
            r0 = (l_s - l_1) / h
            m1 = self.outputs[-2]
            if order == 2:
                d1 = (d0 - m1) / r0
                if sde:
                    coef = 0.5 * a_t * (1.0 - em) if c["solver_type"] == "midpoint" else a_t * ((1.0 - em) / (-2.0 * h) + 1.0)
                else:
                    coef = -0.5 * a_t * (em - 1.0) if c["solver_type"] == "midpoint" else a_t * ((em - 1.0) / h + 1.0)
                prev = prev + coef * d1
            else:
                l_2 = self.vp(self.sigmas[i - 2])[2]
                r1 = (l_1 - l_2) / h
                m2 = self.outputs[-3]
                d1_0 = (d0 - m1) / r0
                d1_1 = (m1 - m2) / r1
                d1 = d1_0 + r0 / (r0 + r1) * (d1_0 - d1_1)
                d2 = (d1_0 - d1_1) / (r0 + r1)
                if sde:
                    prev = prev + a_t * ((1.0 - em) / (-2.0 * h) + 1.0) * d1 + a_t * ((1.0 - em - 2.0 * h) / (2.0 * h) ** 2 - 0.5) * d2
                else:
                    prev = prev + a_t * ((em - 1.0) / h + 1.0) * d1 - a_t * ((em - 1.0 + h) / h ** 2 - 0.5) * d2
        self.lower_order_nums = min(self.lower_order_nums + 1, c["solver_order"])
        self.index += 1
        return prev, d0


class EulerBase:
    karras = False
    sigma_min = None
    sigma_max = None
    final_type = "zero"

    def _init_train(self):
        self.betas, self.ac = train_schedule(self.cfg)
        if self.cfg["rescale_betas_zero_snr"]:
            self.ac[-1] = 2.0 ** -24
        self.train_sigmas = np.sqrt((1.0 - self.ac) / self.ac)

    def set_timesteps(self, n):
        c = self.cfg
        N = c["num_train_timesteps"]
        sp = c["timestep_spacing"]
        if sp == "linspace":
            ts = np.linspace(0, N - 1, n)[::-1].copy()
        elif sp == "leading":
            ts = (np.arange(0, n) * (N // n)).round()[::-1].astype(np.float64) + c["steps_offset"]
        else:
            ts = trailing_grid(N, N, n).astype(np.float64)
        sig = np.interp(ts, np.arange(N, dtype=np.float64), self.train_sigmas)
        if self.karras:
            lo = self.sigma_min if self.sigma_min is not None else sig[-1]
            hi = self.sigma_max if self.sigma_max is not None else sig[0]
            sig = karras_grid(lo, hi, n)
            ts = t_of_sigma(sig, self.train_sigmas)
        final = self.train_sigmas[0] if self.final_type == "sigma_min" else 0.0
        self.timesteps = ts
        self.sigmas = np.concatenate([sig, [final]])
        self.index = 0
        smax = self.sigmas.max()
        self.init_noise_sigma = smax if sp in ("linspace", "trailing") else math.sqrt(smax ** 2 + 1.0)

    def scale_model_input(self, x, t):
        assert self.timesteps[self.index] == t
        return x / math.sqrt(self.sigmas[self.index] ** 2 + 1.0)

    def x0_ve(self, out, x, sigma_hat, sigma):
        """D(x) for x = x_0 + sigma eps (Karras et al. table 1, VP preconditioning)."""
        p = self.cfg["prediction_type"]
        if p == "epsilon":
            return x - sigma_hat * out
        if p == "v_prediction":
            return out * (-sigma / math.sqrt(sigma ** 2 + 1.0)) + x / (sigma ** 2 + 1.0)
        return out


class Euler(EulerBase):
    def __init__(self, config):
        self.cfg = resolve(config, use_karras_sigmas=False, sigma_min=None, sigma_max=None,
                           final_sigmas_type="zero", timestep_spacing="linspace")
        self.karras = self.cfg["use_karras_sigmas"]
        self.sigma_min = self.cfg["sigma_min"]
        self.sigma_max = self.cfg["sigma_max"]
        self.final_type = self.cfg["final_sigmas_type"]
        self._init_train()

    def step(self, out, t, x, noise=None, s_churn=0.0, s_tmin=0.0, s_tmax=math.inf, s_noise=1.0):
        i = self.index
        assert self.timesteps[i] == t
        sigma = self.sigmas[i]
        gamma = min(s_churn / (len(self.sigmas) - 1), 2 ** 0.5 - 1) if s_tmin <= sigma <= s_tmax else 0.0
        sigma_hat = sigma * (gamma + 1.0)
        if gamma > 0:
            x = x + noise * s_noise * math.sqrt(sigma_hat ** 2 - sigma ** 2)
        x0 = self.x0_ve(out, x, sigma_hat, sigma)
        d = (x - x0) / sigma_hat  # Karras et al. Algorithm 2, line 7
        prev = x + (self.sigmas[i + 1] - sigma_hat) * d
        self.index += 1
        return prev, x0


class EulerAncestral(EulerBase):
    def __init__(self, config):
        self.cfg = resolve(config, timestep_spacing="linspace")
        self._init_train()

    def step(self, out, t, x, noise=None):
        i = self.index
        assert self.timesteps[i] == t
        s_from, s_to = self.sigmas[i], self.sigmas[i + 1]
        x0 = self.x0_ve(out, x, s_from, s_from)
        s_up = math.sqrt(s_to ** 2 * (s_from ** 2 - s_to ** 2) / s_from ** 2)
        s_down = math.sqrt(s_to ** 2 - s_up ** 2)
        d = (x - x0) / s_from
        prev = x + d * (s_down - s_from) + noise * s_up
        self.index += 1
        return prev, x0


CLASSES = {
    "DDPMScheduler": DDPM,
    "DDIMScheduler": DDIM,
    "DPMSolverMultistepScheduler": DPMSolverMultistep,
    "EulerDiscreteScheduler": Euler,
    "EulerAncestralDiscreteScheduler": EulerAncestral,
}

# ---------------------------------------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------------------------------------

SPOT = [0, 1, 2, 10, 100, 250, 500, 750, 998, 999]


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def schedules_fixture():
    cases = []
    specs = [
        ("linear", 1000, 0.0001, 0.02, False),
        ("scaled_linear", 1000, 0.00085, 0.012, False),
        ("squaredcos_cap_v2", 1000, 0.0001, 0.02, False),
        ("sigmoid", 1000, 0.0001, 0.02, False),
        ("linear", 1000, 0.0001, 0.02, True),
        ("scaled_linear", 1000, 0.00085, 0.012, True),
    ]
    for schedule, n, start, end, rescale in specs:
        betas = make_betas(schedule, n, start, end)
        if rescale:
            betas = zero_terminal_snr(betas)
        ac = np.cumprod(1.0 - betas)
        derived = None if rescale else dict(  # with zero terminal SNR the last SNR is 0 and its log -inf
            snr=floats(ac[SPOT] / (1 - ac[SPOT])),
            log_snr=floats(np.log(ac[SPOT] / (1 - ac[SPOT]))),
            sigmas=floats(np.sqrt((1 - ac[SPOT]) / ac[SPOT])),
        )
        cases.append(dict(
            beta_schedule=schedule, num_train_timesteps=n, beta_start=start, beta_end=end,
            rescale_betas_zero_snr=rescale, indices=SPOT,
            betas=floats(betas[SPOT]), alphas_cumprod=floats(ac[SPOT]),
            sqrt_alphas_cumprod=floats(np.sqrt(ac[SPOT])), sqrt_one_minus_alphas_cumprod=floats(np.sqrt(1 - ac[SPOT])),
            derived=derived,
        ))
    small = []
    for schedule in ["linear", "scaled_linear", "squaredcos_cap_v2", "sigmoid"]:
        betas = make_betas(schedule, 10, 0.001, 0.2)
        small.append(dict(beta_schedule=schedule, num_train_timesteps=10, beta_start=0.001, beta_end=0.2,
                          betas=floats(betas), alphas_cumprod=floats(np.cumprod(1 - betas))))
    return dict(description="Spot values of diffusers' beta schedules in float64 (index -> value).", cases=cases, small=small)


def timesteps_fixture():
    entries = []
    ns = [1, 3, 10, 16, 19, 61]
    for cls in ["DDPMScheduler", "DDIMScheduler", "DPMSolverMultistepScheduler", "EulerDiscreteScheduler",
                "EulerAncestralDiscreteScheduler"]:
        for spacing in ["leading", "trailing", "linspace"]:
            for offset in [0, 1]:
                for n in ns if offset == 0 else [10, 19]:
                    config = dict(timestep_spacing=spacing, steps_offset=offset, beta_schedule="scaled_linear",
                                  beta_start=0.00085, beta_end=0.012)
                    entries.append(timesteps_entry(cls, config, n))
    extra = [
        ("DPMSolverMultistepScheduler", dict(use_karras_sigmas=True, beta_schedule="scaled_linear", beta_start=0.00085, beta_end=0.012), [5, 10, 25]),
        ("DPMSolverMultistepScheduler", dict(use_karras_sigmas=True, beta_schedule="squaredcos_cap_v2"), [10]),
        ("DPMSolverMultistepScheduler", dict(beta_schedule="squaredcos_cap_v2", lambda_min_clipped=-5.1), [10, 20]),
        ("DPMSolverMultistepScheduler", dict(beta_schedule="squaredcos_cap_v2", lambda_min_clipped=-5.1, timestep_spacing="trailing"), [10]),
        ("DPMSolverMultistepScheduler", dict(beta_schedule="squaredcos_cap_v2", lambda_min_clipped=-5.1, timestep_spacing="leading"), [10]),
        ("DPMSolverMultistepScheduler", dict(final_sigmas_type="sigma_min"), [10]),
        ("EulerDiscreteScheduler", dict(use_karras_sigmas=True, beta_schedule="scaled_linear", beta_start=0.00085, beta_end=0.012), [5, 10, 25]),
        ("EulerDiscreteScheduler", dict(use_karras_sigmas=True, sigma_min=0.1, sigma_max=10.0), [10]),
        ("EulerDiscreteScheduler", dict(use_karras_sigmas=True, timestep_spacing="leading", steps_offset=1), [10]),
        ("EulerDiscreteScheduler", dict(final_sigmas_type="sigma_min", rescale_betas_zero_snr=True, timestep_spacing="trailing"), [10]),
        ("DDIMScheduler", dict(num_train_timesteps=100), [1, 7, 33, 100]),
        ("DPMSolverMultistepScheduler", dict(num_train_timesteps=100), [1, 7, 33, 100]),
        ("EulerDiscreteScheduler", dict(num_train_timesteps=100), [1, 7, 33, 100]),
    ]
    for cls, config, ns_extra in extra:
        for n in ns_extra:
            entries.append(timesteps_entry(cls, config, n))
    return dict(description="Inference timesteps (and sigmas, init_noise_sigma) for each spacing, steps_offset and n.", entries=entries)


def timesteps_entry(cls, config, n):
    s = CLASSES[cls](config)
    s.set_timesteps(n)
    entry = dict(class_name=cls, config=config, n=n, timesteps=floats(s.timesteps), init_noise_sigma=float(s.init_noise_sigma))
    if getattr(s, "sigmas", None) is not None:
        entry["sigmas"] = floats(s.sigmas)
    return entry


SCALED = dict(beta_schedule="scaled_linear", beta_start=0.00085, beta_end=0.012)
SD = dict(SCALED, steps_offset=1, set_alpha_to_one=False, clip_sample=False)

LOOP_CASES = [
    # DDPM (stochastic: noise given for every step)
    ("ddpm-eps-fixed_small-leading", "DDPMScheduler", {}, 10, {}, True),
    ("ddpm-v-fixed_large-trailing", "DDPMScheduler", dict(prediction_type="v_prediction", variance_type="fixed_large", timestep_spacing="trailing", clip_sample=False), 10, {}, True),
    ("ddpm-sample-linspace-clip1.5", "DDPMScheduler", dict(SCALED, prediction_type="sample", timestep_spacing="linspace", clip_sample_range=1.5), 10, {}, True),
    ("ddpm-cosine-fixed_small_log-offset", "DDPMScheduler", dict(beta_schedule="squaredcos_cap_v2", variance_type="fixed_small_log", steps_offset=1), 12, {}, True),
    ("ddpm-sigmoid", "DDPMScheduler", dict(beta_schedule="sigmoid", clip_sample=False), 8, {}, True),
    ("ddpm-zero-snr-v-trailing", "DDPMScheduler", dict(rescale_betas_zero_snr=True, prediction_type="v_prediction", timestep_spacing="trailing", clip_sample=False), 10, {}, True),
    # DDIM
    ("ddim-sd-leading", "DDIMScheduler", dict(SD), 10, {}, False),
    ("ddim-sd-trailing", "DDIMScheduler", dict(SD, timestep_spacing="trailing"), 10, {}, False),
    ("ddim-sd-linspace", "DDIMScheduler", dict(SD, timestep_spacing="linspace"), 10, {}, False),
    ("ddim-v-zero-snr-trailing", "DDIMScheduler", dict(SCALED, prediction_type="v_prediction", rescale_betas_zero_snr=True, timestep_spacing="trailing", clip_sample=False), 10, {}, False),
    ("ddim-sample-linspace-clip", "DDIMScheduler", dict(prediction_type="sample", timestep_spacing="linspace"), 10, {}, False),
    ("ddim-eps-clip-leading", "DDIMScheduler", dict(), 16, {}, False),
    ("ddim-eta1", "DDIMScheduler", dict(SD), 10, dict(eta=1.0), True),
    ("ddim-eta0.5-clipped-output", "DDIMScheduler", dict(), 10, dict(eta=0.5, use_clipped_model_output=True), True),
    # DPM-Solver++
    ("dpm-order1", "DPMSolverMultistepScheduler", dict(solver_order=1), 10, {}, False),
    ("dpm-order2-default", "DPMSolverMultistepScheduler", dict(SCALED), 10, {}, False),
    ("dpm-order2-heun-v-trailing", "DPMSolverMultistepScheduler", dict(SCALED, solver_type="heun", prediction_type="v_prediction", timestep_spacing="trailing"), 10, {}, False),
    ("dpm-order2-20steps", "DPMSolverMultistepScheduler", dict(SCALED), 20, {}, False),
    ("dpm-order2-sigma_min-no-lower-final", "DPMSolverMultistepScheduler", dict(final_sigmas_type="sigma_min", lower_order_final=False), 10, {}, False),
    ("dpm-order3-20steps", "DPMSolverMultistepScheduler", dict(solver_order=3), 20, {}, False),
    ("dpm-order3-8steps", "DPMSolverMultistepScheduler", dict(solver_order=3, timestep_spacing="leading", steps_offset=1), 8, {}, False),
    ("dpm-karras", "DPMSolverMultistepScheduler", dict(SCALED, use_karras_sigmas=True), 12, {}, False),
    ("dpm-euler-at-final-sigma_min", "DPMSolverMultistepScheduler", dict(euler_at_final=True, final_sigmas_type="sigma_min"), 10, {}, False),
    ("dpm-sample-leading", "DPMSolverMultistepScheduler", dict(prediction_type="sample", timestep_spacing="leading", steps_offset=1), 10, {}, False),
    ("dpm-cosine-clipped", "DPMSolverMultistepScheduler", dict(beta_schedule="squaredcos_cap_v2", lambda_min_clipped=-5.1), 10, {}, False),
    ("sde-dpm-order1", "DPMSolverMultistepScheduler", dict(algorithm_type="sde-dpmsolver++", solver_order=1), 10, {}, True),
    ("sde-dpm-order2", "DPMSolverMultistepScheduler", dict(SCALED, algorithm_type="sde-dpmsolver++"), 10, {}, True),
    ("sde-dpm-order2-heun-20steps", "DPMSolverMultistepScheduler", dict(algorithm_type="sde-dpmsolver++", solver_type="heun"), 20, {}, True),
    ("sde-dpm-order3-16steps", "DPMSolverMultistepScheduler", dict(algorithm_type="sde-dpmsolver++", solver_order=3), 16, {}, True),
    # Euler
    ("euler-eps-linspace", "EulerDiscreteScheduler", dict(SCALED), 10, {}, False),
    ("euler-v-trailing", "EulerDiscreteScheduler", dict(SCALED, prediction_type="v_prediction", timestep_spacing="trailing"), 10, {}, False),
    ("euler-sd-leading", "EulerDiscreteScheduler", dict(SCALED, timestep_spacing="leading", steps_offset=1), 10, {}, False),
    ("euler-karras", "EulerDiscreteScheduler", dict(SCALED, use_karras_sigmas=True), 10, {}, False),
    ("euler-sigma_min-final", "EulerDiscreteScheduler", dict(final_sigmas_type="sigma_min"), 10, {}, False),
    ("euler-sample", "EulerDiscreteScheduler", dict(prediction_type="sample"), 10, {}, False),
    ("euler-churn", "EulerDiscreteScheduler", dict(SCALED), 10, dict(s_churn=2.0, s_tmin=0.5, s_tmax=10.0, s_noise=1.003), True),
    ("euler-zero-snr-v-trailing", "EulerDiscreteScheduler", dict(SCALED, rescale_betas_zero_snr=True, prediction_type="v_prediction", timestep_spacing="trailing"), 10, {}, False),
    # Euler ancestral
    ("euler-a-eps-linspace", "EulerAncestralDiscreteScheduler", dict(SCALED), 10, {}, True),
    ("euler-a-v-trailing", "EulerAncestralDiscreteScheduler", dict(prediction_type="v_prediction", timestep_spacing="trailing"), 10, {}, True),
    ("euler-a-leading-zero-snr", "EulerAncestralDiscreteScheduler", dict(SCALED, timestep_spacing="leading", steps_offset=1, rescale_betas_zero_snr=True, prediction_type="v_prediction"), 10, {}, True),
    # The last Karras sigma equals sigma_min, so the final second-order step has h = 0 (a no-op in IEEE arithmetic).
    ("dpm-karras-sigma_min-v", "DPMSolverMultistepScheduler", dict(use_karras_sigmas=True, final_sigmas_type="sigma_min", lower_order_final=False, prediction_type="v_prediction"), 10, {}, False),
]

# Options as the TypeScript `step` spells them.
TS_OPTION_NAMES = dict(eta="eta", use_clipped_model_output="useClippedModelOutput", s_churn="sChurn", s_tmin="sTmin",
                       s_tmax="sTmax", s_noise="sNoise")

RECORD_STEPS = 3  # trajectory entries kept: first, middle and last step


def loops_fixture():
    cases = []
    for k, (case_id, cls, config, n, opts, stochastic) in enumerate(LOOP_CASES):
        rng = np.random.default_rng(1000 + k)
        init = rng.standard_normal(8)
        noises = rng.standard_normal((n, 8)) if stochastic else None
        s = CLASSES[cls](config)
        s.set_timesteps(n)
        x = init * s.init_noise_sigma
        steps = []
        timesteps = [float(t) for t in s.timesteps]
        keep = sorted({0, len(timesteps) // 2, len(timesteps) - 1})
        for j, t in enumerate(s.timesteps):
            x_in = s.scale_model_input(x, t)
            out = model(x_in, float(t))
            prev, x0 = s.step(out, t, x, noise=None if noises is None else noises[j], **opts)
            if j in keep:
                steps.append(dict(index=j, t=float(t), prev_sample=floats(prev), pred_original_sample=floats(x0)))
            x = prev
        cases.append(dict(
            id=case_id, class_name=cls, config=config, num_inference_steps=n,
            step_options={TS_OPTION_NAMES[key]: value for key, value in opts.items()},
            timesteps=timesteps, init_noise=floats(init), init_noise_sigma=float(s.init_noise_sigma),
            noises=None if noises is None else [floats(row) for row in noises],
            recorded_steps=steps, final_sample=floats(x),
        ))
    return dict(
        description=(
            "Full sampling loops: x = init_noise * init_noise_sigma; for each step j and timestep t: "
            "x_in = scaleModelInput(x, t); out = model(x_in, t); (x, x0) = step(out, t, x, noise = noises[j]). "
            "Float64 throughout."
        ),
        model=MODEL_DESCRIPTION,
        cases=cases,
    )


def write(name, data):
    path = os.path.join(OUT_DIR, name)
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"{path}: {os.path.getsize(path)} bytes")


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    write("schedules.json", schedules_fixture())
    write("timesteps.json", timesteps_fixture())
    write("loops.json", loops_fixture())


if __name__ == "__main__":
    main()
