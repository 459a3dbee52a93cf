using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

internal readonly record struct DiagramPoint(double X, double Y);

/// <summary>A rectangle by its top-left corner.</summary>
internal readonly record struct DiagramBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
    public double CenterX => X + Width / 2;
    public double CenterY => Y + Height / 2;

    public bool Overlaps(DiagramBox other, double gap = 0) =>
        X - gap < other.Right && other.X - gap < Right && Y - gap < other.Bottom && other.Y - gap < Bottom;

    public DiagramBox Grow(double by) => new(X - by, Y - by, Width + 2 * by, Height + 2 * by);

    public bool Contains(DiagramPoint p) => p.X >= X && p.X <= Right && p.Y >= Y && p.Y <= Bottom;
}

/// <summary>A piece of an arrow: a cubic Bézier curve.</summary>
internal readonly record struct DiagramSegment(DiagramPoint Start, DiagramPoint C1, DiagramPoint C2, DiagramPoint End)
{
    public DiagramSegment Reversed() => new(End, C2, C1, Start);

    public DiagramPoint At(double t)
    {
        var u = 1 - t;
        double Mix(double a, double b, double c, double d) =>
            u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
        return new(Mix(Start.X, C1.X, C2.X, End.X), Mix(Start.Y, C1.Y, C2.Y, End.Y));
    }
}

/// <summary>An arrow to draw: one distinct (from, to) pair of the table, and how wide its label is.</summary>
internal sealed record DiagramMove(OrderStatus From, OrderStatus To, double LabelWidth);

/// <summary>Where an arrow runs (source to target) and where its label sits.</summary>
internal sealed record RoutedMove(
    DiagramMove Move, bool IsBack, IReadOnlyList<DiagramSegment> Segments, DiagramBox Label);

/// <summary>
/// A layered (Sugiyama) layout computed from the moves alone: back edges found by a DFS from PendingValidation,
/// layers by longest path over the forward edges, long edges split by dummy points, crossings reduced by
/// barycentre sweeps, x positions relaxed towards the neighbours, then labels placed greedily where they collide
/// least. Deterministic: everything is visited in table or enum order.
/// </summary>
internal sealed class StatusDiagramLayout
{
    public const double NodeHeight = 34, LabelHeight = 16, Margin = 24;
    private const double LayerGap = 72, Top = 68, NodeGap = 56, DummyGap = 30, PortSpacing = 16, Bow = 14;

    private sealed class Item(OrderStatus? status, int layer, double width)
    {
        public OrderStatus? Status { get; } = status;
        public int Layer { get; } = layer;
        public double Width { get; } = width;
        public double X { get; set; }
        public int Order { get; set; }
        public List<Link> Up { get; } = [];
        public List<Link> Down { get; } = [];
    }

    private sealed class Link(Item upper, Item lower, double weight, int move)
    {
        public int Move { get; } = move;
        public Item Upper { get; } = upper;
        public Item Lower { get; } = lower;
        public double Weight { get; } = weight;
        public double UpperX { get; set; }
        public double LowerX { get; set; }
    }

    private readonly IReadOnlyList<DiagramMove> _moves;
    private readonly bool[] _back;
    private readonly Dictionary<OrderStatus, Item> _nodes = [];
    private readonly List<List<Item>> _layers = [];
    private readonly List<List<Item>> _chains = [];
    private readonly List<double> _gaps = [];

    public IReadOnlyDictionary<OrderStatus, DiagramBox> Nodes { get; private set; } =
        new Dictionary<OrderStatus, DiagramBox>();
    public IReadOnlyList<RoutedMove> Moves { get; private set; } = [];
    /// <summary>Centre of the start marker; its arrow runs down to PendingValidation.</summary>
    public DiagramPoint Start { get; private set; }
    public DiagramBox StartLabel { get; private set; }
    public double Width { get; private set; }
    public double Height { get; private set; }

    private StatusDiagramLayout(IReadOnlyList<DiagramMove> moves)
    {
        _moves = moves;
        _back = FindBackMoves(moves);
    }

    /// <summary>
    /// The last layouts (one per language, say): pages draw the same machine for many orders, only the marks differ.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, StatusDiagramLayout> Recent =
        new();

    public static StatusDiagramLayout Compute(IReadOnlyList<DiagramMove> moves, Func<OrderStatus, double> nodeWidth)
    {
        var key = string.Join(";", moves.Select(m => FormattableString.Invariant($"{m.From}>{m.To}:{m.LabelWidth:R}"))
            .Concat(Enum.GetValues<OrderStatus>().Select(s => FormattableString.Invariant($"{s}:{nodeWidth(s):R}"))));
        if (Recent.TryGetValue(key, out var known)) return known;
        var layout = new StatusDiagramLayout(moves);
        layout.BuildLayers(nodeWidth);
        layout.OrderLayers();
        layout.PlaceX();
        layout.Route();
        if (Recent.Count >= 8) Recent.Clear(); // a handful of variants at most; never grows
        Recent[key] = layout;
        return layout;
    }

    /// <summary>Moves closing a cycle (re-validations, resets): a DFS from PendingValidation in table order.</summary>
    private static bool[] FindBackMoves(IReadOnlyList<DiagramMove> moves)
    {
        var back = new bool[moves.Count];
        var onStack = new Dictionary<OrderStatus, bool>();
        void Visit(OrderStatus status)
        {
            onStack[status] = true;
            for (var i = 0; i < moves.Count; i++)
            {
                if (moves[i].From != status) continue;
                if (!onStack.TryGetValue(moves[i].To, out var open)) Visit(moves[i].To);
                else if (open) back[i] = true;
            }
            onStack[status] = false;
        }
        Visit(OrderStatus.PendingValidation);
        foreach (var status in Enum.GetValues<OrderStatus>().Where(s => !onStack.ContainsKey(s))) Visit(status);
        return back;
    }

    /// <summary>Layer: longest path over forward moves. A move across layers gets a dummy in each between.</summary>
    private void BuildLayers(Func<OrderStatus, double> nodeWidth)
    {
        var layerOf = new Dictionary<OrderStatus, int>();
        int LayerOf(OrderStatus s)
        {
            if (layerOf.TryGetValue(s, out var known)) return known;
            var preds = _moves.Where((m, i) => m.To == s && !_back[i]).Select(m => LayerOf(m.From) + 1);
            return layerOf[s] = preds.DefaultIfEmpty(0).Max();
        }
        foreach (var status in Enum.GetValues<OrderStatus>())
            _nodes[status] = Add(new Item(status, LayerOf(status), nodeWidth(status)));
        for (var i = 0; i < _moves.Count; i++)
        {
            var (from, to) = (_nodes[_moves[i].From], _nodes[_moves[i].To]);
            var (upper, lower) = _back[i] ? (to, from) : (from, to);
            var chain = new List<Item> { upper };
            for (var layer = upper.Layer + 1; layer < lower.Layer; layer++) chain.Add(Add(new Item(null, layer, 0)));
            if (lower != upper) chain.Add(lower);
            for (var k = 1; k < chain.Count; k++) Connect(chain[k - 1], chain[k], i);
            _chains.Add(chain);
        }
    }

    private Item Add(Item item)
    {
        while (_layers.Count <= item.Layer) _layers.Add([]);
        item.Order = _layers[item.Layer].Count;
        _layers[item.Layer].Add(item);
        return item;
    }

    /// <summary>Links between dummies weigh most so that long edges run straight (Gansner et al.'s 1, 2, 8).</summary>
    private static void Connect(Item upper, Item lower, int move)
    {
        var dummies = (upper.Status is null ? 1 : 0) + (lower.Status is null ? 1 : 0);
        var link = new Link(upper, lower, dummies switch { 0 => 1, 1 => 2, _ => 8 }, move);
        upper.Down.Add(link);
        lower.Up.Add(link);
    }

    private void OrderLayers()
    {
        var best = _layers.Select(l => l.ToList()).ToList();
        var fewest = Crossings();
        for (var sweep = 0; sweep < 24 && fewest > 0; sweep++)
        {
            var downwards = sweep % 2 == 0;
            for (var k = 1; k < _layers.Count; k++) SortByBarycentre(downwards ? k : _layers.Count - 1 - k, downwards);
            Transpose();
            var crossings = Crossings();
            if (crossings >= fewest) continue;
            fewest = crossings;
            best = _layers.Select(l => l.ToList()).ToList();
        }
        for (var l = 0; l < _layers.Count; l++) Reorder(l, best[l]);
    }

    /// <summary>Sorts a layer by the mean position of its neighbours above (or below); one without stays put.</summary>
    private void SortByBarycentre(int layer, bool byUpper)
    {
        double Key(Item item)
        {
            var neighbours = byUpper ? item.Up.Select(l => l.Upper) : item.Down.Select(l => l.Lower);
            return neighbours.Select(n => (double)n.Order).DefaultIfEmpty(item.Order).Average();
        }
        Reorder(layer, [.. _layers[layer].OrderBy(Key).ThenBy(i => i.Order)]);
    }

    private void Reorder(int layer, List<Item> items)
    {
        for (var k = 0; k < items.Count; k++) items[k].Order = k;
        _layers[layer] = items;
    }

    /// <summary>Swaps neighbours in a layer while that removes crossings.</summary>
    private void Transpose()
    {
        for (var improved = true; improved;)
        {
            improved = false;
            foreach (var items in _layers)
                for (var k = 0; k + 1 < items.Count; k++)
                {
                    if (PairCrossings(items[k + 1], items[k]) >= PairCrossings(items[k], items[k + 1])) continue;
                    (items[k], items[k + 1]) = (items[k + 1], items[k]);
                    (items[k].Order, items[k + 1].Order) = (k, k + 1);
                    improved = true;
                }
        }
    }

    /// <summary>Crossings between the links of two items, <paramref name="left"/> left of the other.</summary>
    private static int PairCrossings(Item left, Item right)
    {
        int Count(IEnumerable<Item> a, IEnumerable<Item> b) => a.Sum(x => b.Count(y => x.Order > y.Order));
        return Count(left.Up.Select(l => l.Upper), right.Up.Select(l => l.Upper))
               + Count(left.Down.Select(l => l.Lower), right.Down.Select(l => l.Lower));
    }

    private int Crossings()
    {
        var total = 0;
        foreach (var links in _layers.Select(items => items.SelectMany(i => i.Down).ToList()))
            for (var a = 0; a < links.Count; a++)
                for (var b = a + 1; b < links.Count; b++)
                    total += Crosses(links[a], links[b]) ? 1 : 0;
        return total;
    }

    private static bool Crosses(Link a, Link b) =>
        (a.Upper.Order - b.Upper.Order) * (a.Lower.Order - b.Lower.Order) < 0;

    /// <summary>Moves every item towards the weighted mean of its neighbours, keeping order and gaps.</summary>
    private void PlaceX()
    {
        foreach (var items in _layers) Fit(items, items.Select(_ => 0.0).ToArray(), items.Select(_ => 1.0).ToArray());
        for (var round = 0; round < 60; round++)
        {
            var downwards = round % 2 == 0;
            for (var k = 0; k < _layers.Count; k++)
            {
                var items = _layers[downwards ? k : _layers.Count - 1 - k];
                var links = items.Select(Neighbours).ToList();
                var wanted = items.Select((item, n) =>
                    links[n].Count == 0 ? item.X : links[n].Sum(l => l.Weight * l.X) / links[n].Sum(l => l.Weight));
                Fit(items, [.. wanted], [.. links.Select(l => Math.Max(1, l.Sum(x => x.Weight)))]);
            }
        }
        var shift = Margin - _layers.SelectMany(l => l).Min(i => i.X - i.Width / 2);
        foreach (var item in _layers.SelectMany(l => l)) item.X += shift;
    }

    private static List<(double Weight, double X)> Neighbours(Item item) =>
        [.. item.Up.Select(l => (l.Weight, l.Upper.X)), .. item.Down.Select(l => (l.Weight, l.Lower.X))];

    private static double Gap(Item a, Item b) =>
        (a.Width + b.Width) / 2 + (a.Status is not null && b.Status is not null ? NodeGap : DummyGap);

    /// <summary>Least squares towards the wanted positions, keeping order and gaps (pool adjacent violators).</summary>
    private static void Fit(List<Item> items, double[] wanted, double[] weights)
    {
        var offset = new double[items.Count];
        for (var k = 1; k < items.Count; k++) offset[k] = offset[k - 1] + Gap(items[k - 1], items[k]);
        var blocks = new List<(int Count, double Weight, double Mean)>();
        for (var k = 0; k < items.Count; k++)
        {
            blocks.Add((1, weights[k], wanted[k] - offset[k]));
            while (blocks.Count > 1 && blocks[^2].Mean > blocks[^1].Mean)
            {
                var (a, b) = (blocks[^2], blocks[^1]);
                blocks.RemoveRange(blocks.Count - 2, 2);
                var weight = a.Weight + b.Weight;
                blocks.Add((a.Count + b.Count, weight, (a.Mean * a.Weight + b.Mean * b.Weight) / weight));
            }
        }
        var index = 0;
        foreach (var block in blocks)
            for (var n = 0; n < block.Count; n++, index++) items[index].X = block.Mean + offset[index];
    }

    /// <summary>Legend entries (a 30 px sample, then the text) flowed into rows below the diagram.</summary>
    public static List<DiagramBox> FlowLegend(IReadOnlyList<double> textWidths, double width, double top)
    {
        var boxes = new List<DiagramBox>();
        var (x, y) = (Margin, top);
        foreach (var entry in textWidths.Select(t => 38 + t))
        {
            if (x > Margin && x + entry > width - Margin) (x, y) = (Margin, y + 26);
            boxes.Add(new(x, y, entry, 22));
            x += entry + 24;
        }
        return boxes;
    }

    private double LayerTop(int layer) => Top + layer * NodeHeight + _gaps.Take(layer).Sum();

    private DiagramBox BoxOf(Item node) => new(node.X - node.Width / 2, LayerTop(node.Layer), node.Width, NodeHeight);

    /// <summary>
    /// Where labels find no free place, those gaps between layers widen and everything is routed again, for as
    /// long as that helps.
    /// </summary>
    private void Route()
    {
        foreach (var item in _layers.SelectMany(l => l)) AssignPorts(item);
        _gaps.AddRange(Enumerable.Repeat(LayerGap, _layers.Count - 1));
        var best = (Blocked: int.MaxValue, Gaps: _gaps.ToList());
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var blocked = RouteOnce();
            if (blocked.Count >= best.Blocked) break;
            best = (blocked.Count, _gaps.ToList());
            if (blocked.Count == 0) break;
            foreach (var gap in blocked.Distinct().Where(g => g < _gaps.Count)) _gaps[gap] += LabelHeight;
        }
        if (!_gaps.SequenceEqual(best.Gaps))
        {
            _gaps.Clear();
            _gaps.AddRange(best.Gaps);
            RouteOnce();
        }
        var boxes = Nodes.Values.Concat(Moves.Select(m => m.Label)).ToList();
        var points = Moves.SelectMany(m => m.Segments).SelectMany(s => new[] { s.Start, s.C1, s.C2, s.End }).ToList();
        Width = Math.Max(boxes.Max(b => b.Right), points.Max(p => p.X)) + Margin;
        Height = Math.Max(boxes.Max(b => b.Bottom), points.Max(p => p.Y)) + Margin;
    }

    /// <summary>Routes every move and places its label; gives the gap of each label without a free place.</summary>
    private List<int> RouteOnce()
    {
        Nodes = _nodes.ToDictionary(n => n.Key, n => BoxOf(n.Value));
        var start = Nodes[OrderStatus.PendingValidation];
        Start = new(start.CenterX, start.Y - 44);
        StartLabel = new(start.CenterX + 8, start.Y - 30, StatusDiagramText.Width("new order", 11, bold: false) + 4,
            LabelHeight);
        var routes = _chains.Select((_, i) => _back[i] ? Reverse(Segments(i)) : Segments(i)).ToList();
        BowApart(routes);
        Moves = new LabelPlacer(this, routes).Place(out var blocked);
        return blocked;
    }

    /// <summary>A move and its way back between adjacent layers bulge apart, so each has room for its label.</summary>
    private void BowApart(List<List<DiagramSegment>> routes)
    {
        double UpperPort(int i) => _chains[i][0].Down.First(l => l.Move == i).UpperX;
        for (var i = 0; i < routes.Count; i++)
        {
            var j = Enumerable.Range(0, routes.Count).FirstOrDefault(
                j => _moves[j].From == _moves[i].To && _moves[j].To == _moves[i].From, -1);
            if (j < 0 || i == j || _chains[i].Count != 2 || _chains[j].Count != 2) continue;
            // Away from the other one, across the chord between the two nodes.
            var s = routes[i][0];
            var (a, b) = s.Start.Y < s.End.Y ? (s.Start, s.End) : (s.End, s.Start);
            var length = Math.Max(1e-9, Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y)));
            var (nx, ny) = ((a.Y - b.Y) / length, (b.X - a.X) / length);
            var side = Math.Sign((UpperPort(i) - UpperPort(j)) * nx) * Bow;
            routes[i][0] = s with
            {
                C1 = new(s.C1.X + side * nx, s.C1.Y + side * ny), C2 = new(s.C2.X + side * nx, s.C2.Y + side * ny),
            };
        }
    }

    /// <summary>Spreads a node's links along its top and bottom border, in the order of their other ends.</summary>
    private static void AssignPorts(Item item)
    {
        void Spread(List<Link> links, Func<Link, Item> other, Action<Link, double> set)
        {
            var sorted = links.OrderBy(l => other(l).X).ThenBy(l => other(l).Order).ThenBy(l => l.Move).ToList();
            var spacing = sorted.Count < 2 ? 0 : Math.Min(PortSpacing, (item.Width - 16) / (sorted.Count - 1));
            for (var k = 0; k < sorted.Count; k++) set(sorted[k], item.X + (k - (sorted.Count - 1) / 2.0) * spacing);
        }
        Spread(item.Down, l => l.Lower, (l, x) => l.UpperX = x);
        Spread(item.Up, l => l.Upper, (l, x) => l.LowerX = x);
    }

    /// <summary>
    /// Top to bottom, a smooth curve through the dummies' centres (Catmull-Rom), leaving and entering the nodes
    /// vertically, so that an adjacent-layer move is a gentle S and a long one a single sweep.
    /// </summary>
    private List<DiagramSegment> Segments(int move)
    {
        var chain = _chains[move];
        if (chain.Count == 1) return [SelfLoop(BoxOf(chain[0]))];
        var points = new List<DiagramPoint>
        {
            new(chain[0].Down.First(l => l.Move == move).UpperX, BoxOf(chain[0]).Bottom),
        };
        points.AddRange(chain[1..^1].Select(d => new DiagramPoint(d.X, LayerTop(d.Layer) + NodeHeight / 2)));
        points.Add(new(chain[^1].Up.First(l => l.Move == move).LowerX, LayerTop(chain[^1].Layer)));
        DiagramPoint Tangent(int k) => k == 0 || k == points.Count - 1
            ? new(0, 1.5 * (k == 0 ? points[1].Y - points[0].Y : points[k].Y - points[k - 1].Y))
            : new((points[k + 1].X - points[k - 1].X) / 2, (points[k + 1].Y - points[k - 1].Y) / 2);
        return
        [
            .. Enumerable.Range(0, points.Count - 1).Select(k => new DiagramSegment(points[k],
                new(points[k].X + Tangent(k).X / 3, points[k].Y + Tangent(k).Y / 3),
                new(points[k + 1].X - Tangent(k + 1).X / 3, points[k + 1].Y - Tangent(k + 1).Y / 3), points[k + 1])),
        ];
    }

    private static DiagramSegment SelfLoop(DiagramBox node) =>
        new(new(node.Right, node.CenterY - 8), new(node.Right + 40, node.CenterY - 24),
            new(node.Right + 40, node.CenterY + 24), new(node.Right, node.CenterY + 8));

    private static List<DiagramSegment> Reverse(List<DiagramSegment> segments) =>
        [.. segments.AsEnumerable().Reverse().Select(s => s.Reversed())];

    /// <summary>Greedy: each label takes the spot on its arrow that hits the fewest nodes, labels, arrows.</summary>
    private sealed class LabelPlacer(StatusDiagramLayout layout, List<List<DiagramSegment>> routes)
    {
        private const double Blocked = 1000, Crossing = 40;

        private readonly List<List<DiagramPoint>> _samples = [.. routes.Select(Sample)];
        private readonly List<DiagramBox> _bounds = [.. routes.Select(r => Bounds(Sample(r)))];
        private readonly List<DiagramBox> _nodes = [.. layout.Nodes.Values];

        private readonly List<DiagramBox> _taken =
            [layout.StartLabel, new(layout.Start.X - 8, layout.Start.Y - 8, 16, 16), .. routes.Select(Arrowhead)];

        /// <summary>
        /// Short moves have the fewest places for a label, so they choose first. Gives, for each label that found
        /// no free place, the gap between layers it is in.
        /// </summary>
        public List<RoutedMove> Place(out List<int> blocked)
        {
            var labels = new DiagramBox[routes.Count];
            blocked = [];
            foreach (var i in Enumerable.Range(0, routes.Count).OrderBy(i => routes[i].Count))
            {
                var (box, cost, gap) = Candidates(i, layout._moves[i].LabelWidth).MinBy(c => c.Cost);
                if (cost >= Blocked) blocked.Add(gap);
                labels[i] = box;
                _taken.Add(box);
            }
            return [.. layout._moves.Select((move, i) => new RoutedMove(move, layout._back[i], routes[i], labels[i]))];
        }

        private static List<DiagramPoint> Sample(List<DiagramSegment> route) =>
            [.. route.SelectMany(s => Enumerable.Range(0, 41).Select(t => s.At(t / 40.0)))];

        private static DiagramBox Bounds(List<DiagramPoint> samples)
        {
            var (xs, ys) = (samples.Select(p => p.X).ToList(), samples.Select(p => p.Y).ToList());
            return new(xs.Min(), ys.Min(), xs.Max() - xs.Min(), ys.Max() - ys.Min());
        }

        /// <summary>A label must not hide where an arrow points.</summary>
        private static DiagramBox Arrowhead(List<DiagramSegment> route)
        {
            var last = route[^1];
            var (dx, dy) = (last.End.X - last.C2.X, last.End.Y - last.C2.Y);
            var length = Math.Max(1e-9, Math.Sqrt(dx * dx + dy * dy));
            var (x, y) = (last.End.X - 7 * dx / length, last.End.Y - 7 * dy / length);
            return new(x - 7, y - 7, 14, 14);
        }

        private IEnumerable<(DiagramBox DiagramBox, double Cost, int Gap)> Candidates(int move, double width)
        {
            var route = routes[move];
            var middle = (route.Count - 1) / 2.0;
            foreach (var (segment, index) in route.Select((s, n) => (s, n)))
            {
                // Routes run from source to target: a back move's first segment is in its lowest gap.
                var gap = layout._chains[move][0].Layer + (layout._back[move] ? route.Count - 1 - index : index);
                for (var step = 2; step <= 18; step++)
                {
                    var t = step / 20.0;
                    var p = segment.At(t);
                    var preference = 2 * Math.Abs(index - middle) + 10 * Math.Abs(t - 0.5);
                    var y = p.Y - LabelHeight / 2;
                    yield return Score(move, gap, new(p.X - width / 2, y, width, LabelHeight), preference, 3);
                    // Beside its arrow, a label must keep clear of the others, or it reads as theirs.
                    yield return Score(move, gap, new(p.X + 5, y, width, LabelHeight), preference + 24, 16);
                    yield return Score(move, gap, new(p.X - 5 - width, y, width, LabelHeight), preference + 24, 16);
                }
            }
        }

        private (DiagramBox, double, int) Score(int move, int gap, DiagramBox box, double preference, double clearance)
        {
            // Plain loops: this runs some ten thousand times per layout.
            var blocked = box.X < 4 || box.Y < 4 ? 1 : 0;
            foreach (var node in _nodes) blocked += node.Overlaps(box, 4) ? 1 : 0;
            foreach (var other in _taken) blocked += other.Overlaps(box, 3) ? 1 : 0;
            var (area, crossed) = (box.Grow(clearance), 0);
            for (var n = 0; n < routes.Count; n++)
                crossed += n != move && _bounds[n].Overlaps(area) && Touches(_samples[n], area) ? 1 : 0;
            return (box, Blocked * blocked + Crossing * crossed + preference, gap);
        }

        private static bool Touches(List<DiagramPoint> samples, DiagramBox area)
        {
            foreach (var p in samples)
                if (area.Contains(p)) return true;
            return false;
        }
    }
}

/// <summary>Text widths without a font engine: advances of DejaVu Sans, one of the widest fallback fonts.</summary>
internal static class StatusDiagramText
{
    private static readonly double[] Lower =
    [
        .613, .635, .550, .635, .615, .352, .635, .634, .278, .278, .579, .278, .974,
        .634, .612, .635, .635, .411, .521, .392, .634, .592, .818, .592, .592, .525,
    ];

    private static readonly double[] Upper =
    [
        .684, .686, .698, .770, .632, .575, .775, .752, .295, .295, .656, .557, .863,
        .748, .787, .603, .787, .695, .635, .611, .732, .684, .989, .685, .611, .685,
    ];

    public static double Width(string text, double size, bool bold) => text.Sum(Advance) * size * (bold ? 1.08 : 1);

    private static double Advance(char c) => c switch
    {
        >= 'a' and <= 'z' => Lower[c - 'a'],
        >= 'A' and <= 'Z' => Upper[c - 'A'],
        >= '0' and <= '9' => .636,
        ' ' or '.' or ',' => .318,
        '(' or ')' or '-' => .39,
        _ => .8,
    };
}
