"""Reference optimizer state for the step inspector, from torch.optim's own optimizer.state.

Each case steps a real torch optimizer (torch 1.13, float64) K times on a 2-D surface written here
from its canonical formula, gradients by autograd, and records optimizer.state[p] afterwards under
torch's own keys (momentum_buffer, exp_avg, exp_avg_sq, max_exp_avg_sq, exp_inf, sum, square_avg,
grad_avg, acc_delta, mu_product, step) with the point x_K. The test
(src/engine/methods/first-order/inspection.golden.test.ts) replays the same run in the engine with
the inspector on and compares the state quantities named in quantities13 (velocity = momentum_buffer,
firstMoment = exp_avg, ...). Lion is not in torch.optim: it is the paper's Program 1 (exp_avg).
NAdam runs with foreach=True, as scripts/golden/optimizers.py explains (torch 1.13's single-tensor
path multiplied an extra mu_t into its product).

The quasi-Newton methods' state comes from what their references expose: scipy's BFGS hess_inv
after k iterations (minimize(method='BFGS', options={'maxiter': k}), SciPy 1.10.1) and torch's LBFGS
optimizer.state after k step(closure) calls (old_stps, old_dirs: the kept pairs s and y, oldest
first; d, the latest direction; t, the latest step length).

Run:  /usr/bin/python3 scripts/references/torch_optimizer_state.py
Writes (repr floats, deterministic):
  src/engine/methods/first-order/optimizer-state.golden.json   torch.optim state
  src/engine/methods/quasi-newton/quasi-newton-state.golden.json  scipy BFGS hess_inv, torch LBFGS state
"""

import json
import os

import numpy
import scipy.optimize
import torch

torch.set_default_dtype(torch.float64)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'methods', 'first-order',
                   'optimizer-state.golden.json')

SURFACES = {
    'rosenbrock': lambda x, y: (1 - x)**2 + 100 * (y - x**2)**2,
    'himmelblau': lambda x, y: (x**2 + y - 11)**2 + (x + y**2 - 7)**2,
    'booth': lambda x, y: (x + 2 * y - 7)**2 + (2 * x + y - 5)**2,
}


class Lion(torch.optim.Optimizer):
    """Lion, Chen et al. 2023, Program 1 (as scripts/golden/optimizers.py)."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group['betas']
            for p in group['params']:
                state = self.state[p]
                if not state:
                    state['exp_avg'] = torch.zeros_like(p)
                exp_avg = state['exp_avg']
                p.mul_(1 - group['lr'] * group['weight_decay'])
                update = exp_avg.clone().mul_(beta1).add_(p.grad, alpha=1 - beta1).sign_()
                p.add_(update, alpha=-group['lr'])
                exp_avg.mul_(beta2).add_(p.grad, alpha=1 - beta2)


CLASSES = {
    'sgd': torch.optim.SGD, 'adam': torch.optim.Adam, 'adamw': torch.optim.AdamW, 'adamax': torch.optim.Adamax,
    'radam': torch.optim.RAdam, 'rmsprop': torch.optim.RMSprop, 'adagrad': torch.optim.Adagrad,
    'adadelta': torch.optim.Adadelta,
}

CASES = [
    ('sgd', {'lr': 1e-3, 'momentum': 0.9}, 'rosenbrock', [-1.2, 1.0]),
    ('sgd', {'lr': 5e-3, 'momentum': 0.8, 'dampening': 0.3, 'weight_decay': 0.1}, 'himmelblau', [1.0, 1.0]),
    ('sgd', {'lr': 5e-3, 'momentum': 0.9, 'nesterov': True}, 'booth', [-2.0, 3.0]),
    ('adam', {'lr': 0.02}, 'rosenbrock', [-1.2, 1.0]),
    ('adam', {'lr': 0.05, 'amsgrad': True, 'weight_decay': 0.05}, 'himmelblau', [1.0, 1.0]),
    ('adamw', {'lr': 0.05, 'weight_decay': 0.1}, 'booth', [-2.0, 3.0]),
    ('adamw', {'lr': 0.02, 'amsgrad': True}, 'rosenbrock', [-1.2, 1.0]),
    ('adamax', {'lr': 0.02}, 'rosenbrock', [-1.2, 1.0]),
    ('nadam', {'lr': 0.02}, 'himmelblau', [1.0, 1.0]),
    ('radam', {'lr': 0.01}, 'booth', [-2.0, 3.0]),
    ('rmsprop', {'lr': 2e-3}, 'rosenbrock', [-1.2, 1.0]),
    ('rmsprop', {'lr': 5e-3, 'momentum': 0.5, 'centered': True}, 'himmelblau', [1.0, 1.0]),
    ('adagrad', {'lr': 0.1, 'lr_decay': 0.01, 'initial_accumulator_value': 0.1}, 'rosenbrock', [-1.2, 1.0]),
    ('adadelta', {'lr': 1.0}, 'himmelblau', [1.0, 1.0]),
    ('lion', {'lr': 0.01}, 'booth', [-2.0, 3.0]),
]

STEPS = [1, 10]


def make_optimizer(name, params, hyper):
    if name == 'lion':
        return Lion(params, **hyper)
    if name == 'nadam':
        return torch.optim.NAdam(params, foreach=True, **hyper)
    return CLASSES[name](params, **hyper)


def plain(value):
    if isinstance(value, torch.Tensor):
        return value.item() if value.dim() == 0 else [float(x) for x in value.tolist()]
    return float(value)


def run(name, hyper, surface, start, steps):
    point = torch.tensor(start, requires_grad=True)
    optimizer = make_optimizer(name, [point], hyper)
    f = SURFACES[surface]
    for _ in range(steps):
        optimizer.zero_grad()
        f(point[0], point[1]).backward()
        optimizer.step()
    state = {key: plain(value) for key, value in optimizer.state[point].items() if value is not None}
    return {'optimizer': name, 'hyper': hyper, 'surface': surface, 'start': start, 'steps': steps,
            'point': [float(x) for x in point.detach().tolist()], 'state': state}


QUASI_NEWTON_OUT = os.path.join(os.path.dirname(OUT), '..', 'quasi-newton', 'quasi-newton-state.golden.json')


def numpy_surface(name):
    """f and its gradient in NumPy, through torch autograd on float64 (the same canonical formulas)."""
    f = SURFACES[name]

    def value(p):
        return float(f(torch.tensor(p[0]), torch.tensor(p[1])))

    def gradient(p):
        x = torch.tensor(numpy.asarray(p, dtype=numpy.float64), requires_grad=True)
        f(x[0], x[1]).backward()
        return x.grad.numpy().copy()

    return value, gradient


def bfgs_case(surface, start, iterations):
    value, gradient = numpy_surface(surface)
    result = scipy.optimize.minimize(value, numpy.array(start, dtype=numpy.float64), jac=gradient, method='BFGS',
                                     options={'maxiter': iterations})
    return {'method': 'bfgs', 'surface': surface, 'start': start, 'steps': int(result.nit),
            'point': [float(v) for v in result.x], 'inverseHessian': [float(v) for v in numpy.ravel(result.hess_inv)]}


def lbfgs_case(surface, start, steps, hyper):
    x = torch.tensor(start, requires_grad=True)
    torch_hyper = dict(hyper)
    if torch_hyper.get('line_search_fn') == 'none':
        torch_hyper['line_search_fn'] = None
    optimizer = torch.optim.LBFGS([x], **torch_hyper)
    f = SURFACES[surface]

    def closure():
        optimizer.zero_grad()
        loss = f(x[0], x[1])
        loss.backward()
        return loss

    for _ in range(steps):
        optimizer.step(closure)
    state = optimizer.state[optimizer._params[0]]
    return {'method': 'lbfgs', 'surface': surface, 'start': start, 'steps': steps, 'hyper': hyper,
            'point': [float(v) for v in x.detach()],
            'historyS': [[float(v) for v in s] for s in state['old_stps']],
            'historyY': [[float(v) for v in y] for y in state['old_dirs']],
            'searchDirection': [float(v) for v in state['d']], 'stepLength': float(state['t'])}


def quasi_newton_cases():
    cases = [bfgs_case('rosenbrock', [-1.2, 1.0], k) for k in (1, 3, 8)]
    cases += [bfgs_case('himmelblau', [1.0, 1.0], k) for k in (2, 5)]
    for line_search in ('none', 'strong_wolfe'):
        hyper = {'lr': 0.5 if line_search == 'none' else 1.0, 'max_iter': 3, 'history_size': 4, 'line_search_fn': line_search}
        cases += [lbfgs_case('rosenbrock', [-1.2, 1.0], k, hyper) for k in (1, 2, 4)]
    return cases


def main():
    quasi_newton = quasi_newton_cases()
    with open(QUASI_NEWTON_OUT, 'w') as handle:
        json.dump({'torch': torch.__version__, 'scipy': scipy.__version__, 'cases': quasi_newton}, handle, separators=(',', ':'), sort_keys=True)
        handle.write('\n')
    print(f'wrote {len(quasi_newton)} cases to {os.path.relpath(QUASI_NEWTON_OUT)}')
    cases = [run(name, hyper, surface, start, steps) for name, hyper, surface, start in CASES for steps in STEPS]
    with open(OUT, 'w') as handle:
        json.dump({'torch': torch.__version__, 'cases': cases}, handle, separators=(',', ':'), sort_keys=True)
        handle.write('\n')
    print(f'wrote {len(cases)} cases to {os.path.relpath(OUT)}')


if __name__ == '__main__':
    main()
