"""Golden losses, gradients and Hessians of the data models (torch 1.13, float64) for src/engine/models/.

Each case builds its model here with torch ops from the flat parameter vector in the playground's
layout (linear models: weights in feature order, then the bias; softmax: W k x d row-major, then
the k biases; an MLP: per layer its nn.Linear weight, out x in row-major, then its bias) and the
losses torch ships (F.mse_loss, F.binary_cross_entropy_with_logits, F.cross_entropy, all 'mean'),
plus (weight_decay / 2) * sum of the squared weights for an MLP with weight_decay. It records the
loss, the gradient by torch.autograd.grad, the Hessian by torch.autograd.functional.hessian (linear,
logistic, softmax), and the model's outputs (value, P(y = 1) or the class probabilities).

Data and parameters come from numpy's seeded generator and are written into the JSON, so the
tests need nothing else.

Run:  /usr/bin/python3 scripts/references/torch_models.py
Writes src/engine/models/torch-models.golden.json (deterministic, repr floats).
"""

import json
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'engine', 'models', 'torch-models.golden.json')
ACTIVATIONS = {'tanh': torch.tanh, 'relu': torch.relu, 'sigmoid': torch.sigmoid}


def linear_layer(params, offset, inputs, outputs):
    """nn.Linear's weight (outputs x inputs) and bias read from the flat vector at offset."""
    weight = params[offset:offset + outputs * inputs].reshape(outputs, inputs)
    offset += outputs * inputs
    bias = params[offset:offset + outputs]
    return weight, bias, offset + outputs


def regression_logits(case, params, x):
    d = case['features']
    if case['model']['kind'] == 'softmax':
        k = case['model']['classes']
        weight = params[:k * d].reshape(k, d)
        bias = params[k * d:]
        return F.linear(x, weight, bias)
    return F.linear(x, params[:d].reshape(1, d), params[d:]).reshape(-1)


def mlp_outputs(case, params, x):
    """The MLP's logits (rows x outputs, or rows for one output) and its weights."""
    model = case['model']
    widths = [case['features']] + model['hidden'] + [output_count(case)]
    activation = ACTIVATIONS[model['activation']]
    offset = 0
    weights = []
    h = x
    for layer in range(1, len(widths)):
        weight, bias, offset = linear_layer(params, offset, widths[layer - 1], widths[layer])
        weights.append(weight)
        h = F.linear(h, weight, bias)
        if layer < len(widths) - 1:
            h = activation(h)
    assert offset == params.numel()
    if widths[-1] == 1:
        h = h.reshape(-1)
    return h, weights


def output_count(case):
    model = case['model']
    if model['kind'] == 'softmax':
        return model['classes']
    if model['kind'] == 'mlp' and model['loss'] == 'cross_entropy' and model.get('classes', 2) > 2:
        return model['classes']
    return 1


def loss_of(case, x, y):
    model = case['model']
    kind = model['kind']
    loss_name = {'linear': 'mse', 'logistic': 'binary', 'softmax': 'multiclass'}.get(kind)
    if kind == 'mlp':
        loss_name = 'mse' if model['loss'] == 'mse' else ('binary' if output_count(case) == 1 else 'multiclass')

    def f(params):
        if kind == 'mlp':
            logits, weights = mlp_outputs(case, params, x)
        else:
            logits, weights = regression_logits(case, params, x), []
        if loss_name == 'mse':
            value = F.mse_loss(logits, y)
        elif loss_name == 'binary':
            value = F.binary_cross_entropy_with_logits(logits, y)
        else:
            value = F.cross_entropy(logits, y.long())
        decay = model.get('weight_decay', 0)
        if decay > 0:
            value = value + 0.5 * decay * sum((w ** 2).sum() for w in weights)
        return value

    def outputs(params):
        logits = mlp_outputs(case, params, x)[0] if kind == 'mlp' else regression_logits(case, params, x)
        if loss_name == 'binary':
            return torch.sigmoid(logits)
        if loss_name == 'multiclass':
            return torch.softmax(logits, dim=1)
        return logits

    return f, outputs


def parameter_count(case):
    model = case['model']
    d = case['features']
    if model['kind'] in ('linear', 'logistic'):
        return d + 1
    if model['kind'] == 'softmax':
        return model['classes'] * (d + 1)
    widths = [d] + model['hidden'] + [output_count(case)]
    return sum(widths[i] * (widths[i - 1] + 1) for i in range(1, len(widths)))


def make_case(name, model, features, rows, rng, parameter_scale=1.0, feature_scale=1.0):
    x = rng.normal(size=(rows, features)) * feature_scale
    if model['kind'] == 'linear' or (model['kind'] == 'mlp' and model['loss'] == 'mse'):
        y = x.sum(axis=1) * 0.7 + rng.normal(size=rows)
    elif model['kind'] == 'logistic' or (model['kind'] == 'mlp' and model.get('classes', 2) == 2):
        y = (rng.random(rows) < 0.5).astype(np.float64)
    else:
        y = np.arange(rows) % model['classes']  # every class present
        rng.shuffle(y)
        y = y.astype(np.float64)
    case = {'name': name, 'model': model, 'features': features, 'rows': rows,
            'x': x.reshape(-1).tolist(), 'y': y.tolist()}
    case['parameters'] = (rng.normal(size=parameter_count(case)) * parameter_scale).tolist()
    return case


def evaluate(case):
    x = torch.tensor(case['x']).reshape(case['rows'], case['features'])
    y = torch.tensor(case['y'])
    f, outputs = loss_of(case, x, y)
    params = torch.tensor(case['parameters'], requires_grad=True)
    loss = f(params)
    (gradient,) = torch.autograd.grad(loss, params)
    case['loss'] = loss.item()
    case['gradient'] = gradient.tolist()
    case['outputs'] = outputs(params.detach()).reshape(-1).tolist()
    if case['model']['kind'] != 'mlp':
        hessian = torch.autograd.functional.hessian(f, params.detach())
        case['hessian'] = hessian.reshape(-1).tolist()
    return case


def main():
    rng = np.random.default_rng(11)
    cases = [
        make_case('linear, 3 features', {'kind': 'linear'}, 3, 7, rng),
        make_case('logistic, 2 features', {'kind': 'logistic'}, 2, 8, rng),
        # logits near ±40: log(1 + e^z) must neither overflow nor round away e^−|z|
        make_case('logistic, large logits', {'kind': 'logistic'}, 2, 6, rng, parameter_scale=10, feature_scale=8),
        make_case('softmax, 3 classes', {'kind': 'softmax', 'classes': 3}, 2, 9, rng),
        make_case('softmax, 4 classes, large logits', {'kind': 'softmax', 'classes': 4}, 3, 8, rng, parameter_scale=5, feature_scale=5),
        make_case('mlp 2-8-8-1 tanh, mse', {'kind': 'mlp', 'hidden': [8, 8], 'activation': 'tanh', 'loss': 'mse'}, 2, 10, rng, parameter_scale=0.6),
        make_case('mlp 2-4-3 relu, cross-entropy', {'kind': 'mlp', 'hidden': [4], 'activation': 'relu', 'loss': 'cross_entropy', 'classes': 3}, 2, 9, rng),
        make_case('mlp 3-5-1 sigmoid, binary cross-entropy, weight_decay 0.03',
                  {'kind': 'mlp', 'hidden': [5], 'activation': 'sigmoid', 'loss': 'cross_entropy', 'classes': 2, 'weight_decay': 0.03}, 3, 8, rng),
        make_case('mlp 2-6-5-4-3-1 sigmoid, mse, weight_decay 0.1',
                  {'kind': 'mlp', 'hidden': [6, 5, 4, 3], 'activation': 'sigmoid', 'loss': 'mse', 'weight_decay': 0.1}, 2, 7, rng),
        make_case('mlp 4-7-3-4 relu, cross-entropy 4 classes, weight_decay 0.01',
                  {'kind': 'mlp', 'hidden': [7, 3], 'activation': 'relu', 'loss': 'cross_entropy', 'classes': 4, 'weight_decay': 0.01}, 4, 12, rng),
        make_case('mlp 2-3-1 tanh, binary cross-entropy', {'kind': 'mlp', 'hidden': [3], 'activation': 'tanh', 'loss': 'cross_entropy'}, 2, 5, rng),
    ]
    output = {'generator': 'scripts/references/torch_models.py', 'torch': torch.__version__,
              'cases': [evaluate(case) for case in cases]}
    with open(OUTPUT, 'w') as f:
        json.dump(output, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
