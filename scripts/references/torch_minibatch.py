"""Mini-batch training references (torch 1.13, float64) for src/engine/data/minibatch.golden.test.ts.

Each case trains a model with torch.optim (SGD with momentum, Adam) on mini-batches as a torch
training loop does: per epoch a permutation of the rows (drawn here with numpy and written into the
JSON, so the test replays the same order), cut into batches of batch_size rows, the last one smaller
(DataLoader(drop_last=False)); per batch zero_grad, the mean loss over the batch's rows, backward,
step. The models are built from torch modules (nn.Linear layers, torch.tanh / torch.relu) and the
losses torch ships (F.mse_loss, F.binary_cross_entropy_with_logits, 'mean'); nothing is taken from
the TypeScript. The parameter vector is read and written in the playground's flat layout: per layer
its nn.Linear weight (out x in, row-major) then its bias, which is the order of module.parameters().

Recorded per case: the data, the initial parameters, the batch order, the parameters after every
step, and the mean loss over all the training rows at the start and after every step (what the
runner records).

Run:  /usr/bin/python3 scripts/references/torch_minibatch.py
Writes src/engine/data/minibatch.golden.json (deterministic, repr floats).
"""

import json
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'data', 'minibatch.golden.json')
ACTIVATIONS = {'tanh': torch.tanh, 'relu': torch.relu}


class Network(torch.nn.Module):
    """Linear layers with an activation between them; one output (a value or a logit)."""

    def __init__(self, widths, activation):
        super().__init__()
        self.layers = torch.nn.ModuleList(torch.nn.Linear(widths[i - 1], widths[i]) for i in range(1, len(widths)))
        self.activation = ACTIVATIONS[activation]

    def forward(self, x):
        for index, layer in enumerate(self.layers):
            x = layer(x)
            if index < len(self.layers) - 1:
                x = self.activation(x)
        return x.reshape(-1)


def flat(module):
    return torch.cat([p.detach().reshape(-1) for p in module.parameters()])


def load_flat(module, vector):
    offset = 0
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.tensor(vector[offset:offset + p.numel()]).reshape(p.shape))
            offset += p.numel()
    assert offset == len(vector)


def glorot(widths, rng):
    """Glorot-uniform weights, small nonzero biases (so the biases' updates are exercised from step 1)."""
    parameters = []
    for i in range(1, len(widths)):
        bound = np.sqrt(6 / (widths[i - 1] + widths[i]))
        parameters += list(rng.uniform(-bound, bound, size=widths[i] * widths[i - 1]))
        parameters += list(rng.normal(scale=0.1, size=widths[i]))
    return parameters


def train(case):
    rows, columns = case['rows'], case['columns']
    x = torch.tensor(case['x']).reshape(rows, columns)
    y = torch.tensor(case['y'])
    model = case['model']
    if model['kind'] == 'linear':
        module = torch.nn.Linear(columns, 1)
        forward = lambda inputs: module(inputs).reshape(-1)  # noqa: E731
    else:
        module = Network([columns] + model['hidden'] + [1], model['activation'])
        forward = module
    load_flat(module, case['initial'])
    loss_of = F.binary_cross_entropy_with_logits if case['criterion'] == 'binary' else F.mse_loss
    optimizer_class = {'sgd': torch.optim.SGD, 'adam': torch.optim.Adam}[case['optimizer']]
    optimizer = optimizer_class(module.parameters(), **case['hyper'])

    def full_loss():
        with torch.no_grad():
            return loss_of(forward(x), y).item()

    trajectory = [case['initial']]
    losses = [full_loss()]
    batch_size = case['batch_size']
    for order in case['orders']:
        for first in range(0, rows, batch_size):
            rows_of_batch = torch.tensor(order[first:first + batch_size])
            optimizer.zero_grad()
            loss = loss_of(forward(x[rows_of_batch]), y[rows_of_batch])
            loss.backward()
            optimizer.step()
            trajectory.append(flat(module).tolist())
            losses.append(full_loss())
    case['trajectory'] = trajectory
    case['loss'] = losses
    return case


def make_case(name, rng, model, loss, optimizer, hyper, rows=60, columns=2, batch_size=16, epochs=5):
    x = rng.normal(size=(rows, columns))
    if loss == 'binary':
        # XOR-like labels with some flipped: not separable by a line, so the hidden layers matter
        y = ((x[:, 0] * x[:, 1] > 0) ^ (rng.random(rows) < 0.1)).astype(np.float64)
    else:
        y = np.sin(2 * x[:, 0]) + 0.5 * x.sum(axis=1) + 0.1 * rng.normal(size=rows)
    if model['kind'] == 'linear':
        initial = list(rng.normal(scale=0.5, size=columns + 1))
    else:
        initial = glorot([columns] + model['hidden'] + [1], rng)
    case = {
        'name': name, 'model': model, 'criterion': loss, 'optimizer': optimizer, 'hyper': hyper,
        'rows': rows, 'columns': columns, 'batch_size': batch_size, 'epochs': epochs,
        'x': x.reshape(-1).tolist(), 'y': y.tolist(), 'initial': [float(v) for v in initial],
        'orders': [rng.permutation(rows).tolist() for _ in range(epochs)],
    }
    return train(case)


def main():
    rng = np.random.default_rng(20261206)
    tanh_bce = {'kind': 'mlp', 'hidden': [8, 8], 'activation': 'tanh', 'loss': 'cross_entropy'}
    relu_mse = {'kind': 'mlp', 'hidden': [8], 'activation': 'relu', 'loss': 'mse'}
    linear = {'kind': 'linear'}
    cases = [
        make_case('mlp 2-8-8-1 tanh, BCE, SGD momentum 0.9', rng, tanh_bce, 'binary', 'sgd', {'lr': 0.1, 'momentum': 0.9}),
        make_case('mlp 2-8-8-1 tanh, BCE, Adam', rng, tanh_bce, 'binary', 'adam', {'lr': 0.01}),
        make_case('mlp 2-8-1 relu, MSE, SGD momentum 0.9', rng, relu_mse, 'mse', 'sgd', {'lr': 0.02, 'momentum': 0.9}),
        make_case('mlp 2-8-1 relu, MSE, Adam', rng, relu_mse, 'mse', 'adam', {'lr': 0.01}),
        make_case('linear 3 features, MSE, SGD', rng, linear, 'mse', 'sgd', {'lr': 0.05}, columns=3, rows=57, batch_size=10, epochs=4),
        make_case('linear 3 features, MSE, SGD momentum 0.9 nesterov', rng, linear, 'mse', 'sgd',
                  {'lr': 0.02, 'momentum': 0.9, 'nesterov': True}, columns=3, rows=57, batch_size=10, epochs=4),
    ]
    with open(OUTPUT, 'w') as handle:
        json.dump({'generator': 'scripts/references/torch_minibatch.py', 'torch': torch.__version__, 'cases': cases}, handle)
        handle.write('\n')


if __name__ == '__main__':
    main()
