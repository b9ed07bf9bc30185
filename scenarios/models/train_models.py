#!/usr/bin/env python3
"""Trains the example models of docs/applications.md "Private inference" (plain Python, no
dependencies, deterministic): a synthetic binary classification data set of 20 features
(python3-sklearn's bundled data sets are not installed on the build machines; this script
generates one instead), a logistic regression and a 20-4-1 ReLU MLP on it, written as
logistic_regression.json and mlp.json in the format of protocols/fixedpoint/models.h, plus
the test split's first rows as sample_features.json.

Data: x ~ N(0, 1)^20, label 1 with probability σ(w*·x + b*) for a fixed w* (seed 19), 600
training and 200 test rows. Run: python3 scenarios/models/train_models.py
"""
import json
import math
import os
import random

D, HIDDEN, N_TRAIN, N_TEST = 20, 4, 600, 200
HERE = os.path.dirname(os.path.abspath(__file__))


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def data(rng):
    w_true = [rng.gauss(0, 0.6) for _ in range(D)]
    rows = []
    for _ in range(N_TRAIN + N_TEST):
        x = [rng.gauss(0, 1) for _ in range(D)]
        z = sum(a * b for a, b in zip(w_true, x)) + 0.3
        rows.append((x, 1 if rng.random() < sigmoid(z) else 0))
    return rows[:N_TRAIN], rows[N_TRAIN:]


def train_lr(train, epochs=200, lr=0.1):
    w, b = [0.0] * D, 0.0
    for _ in range(epochs):
        gw, gb = [0.0] * D, 0.0
        for x, y in train:
            e = sigmoid(sum(a * c for a, c in zip(w, x)) + b) - y
            gw = [g + e * c for g, c in zip(gw, x)]
            gb += e
        w = [a - lr * g / len(train) for a, g in zip(w, gw)]
        b -= lr * gb / len(train)
    return {"type": "logistic_regression", "weights": [round(v, 6) for v in w],
            "bias": round(b, 6)}


def mlp_forward(m, x):
    h = [max(0.0, sum(a * c for a, c in zip(row, x)) + b)
         for row, b in zip(m["hidden"], m["hidden_bias"])]
    return h, sigmoid(sum(a * c for a, c in zip(m["output"], h)) + m["output_bias"])


def train_mlp(train, rng, epochs=60, lr=0.05):
    m = {"type": "mlp", "hidden": [[rng.gauss(0, 0.3) for _ in range(D)] for _ in range(HIDDEN)],
         "hidden_bias": [0.1] * HIDDEN, "output": [rng.gauss(0, 0.5) for _ in range(HIDDEN)],
         "output_bias": 0.0}
    for _ in range(epochs):
        for x, y in train:
            h, p = mlp_forward(m, x)
            e = p - y
            for j in range(HIDDEN):
                if h[j] > 0:
                    g = e * m["output"][j]
                    m["hidden"][j] = [a - lr * g * c for a, c in zip(m["hidden"][j], x)]
                    m["hidden_bias"][j] -= lr * g
                m["output"][j] -= lr * e * h[j]
            m["output_bias"] -= lr * e
    m["hidden"] = [[round(v, 6) for v in row] for row in m["hidden"]]
    m["hidden_bias"] = [round(v, 6) for v in m["hidden_bias"]]
    m["output"] = [round(v, 6) for v in m["output"]]
    m["output_bias"] = round(m["output_bias"], 6)
    return m


def accuracy(score, test):
    return sum((score(x) >= 0.5) == (y == 1) for x, y in test) / len(test)


def main():
    rng = random.Random(19)
    train, test = data(rng)
    lr_model = train_lr(train)
    mlp = train_mlp(train, rng)
    lr_acc = accuracy(lambda x: sigmoid(sum(a * c for a, c in zip(lr_model["weights"], x)) + lr_model["bias"]), test)
    mlp_acc = accuracy(lambda x: mlp_forward(mlp, x)[1], test)
    for name, model, acc in (("logistic_regression", lr_model, lr_acc), ("mlp", mlp, mlp_acc)):
        model["test_accuracy"] = acc
        with open(os.path.join(HERE, name + ".json"), "w") as f:
            json.dump(model, f, indent=1)
            f.write("\n")
    with open(os.path.join(HERE, "sample_features.json"), "w") as f:
        json.dump([[round(v, 4) for v in x] for x, _ in test[:20]], f)
        f.write("\n")
    print(f"logistic regression test accuracy {lr_acc:.3f}, mlp {mlp_acc:.3f}")


if __name__ == "__main__":
    main()
